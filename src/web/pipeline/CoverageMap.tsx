import { useId, useMemo, useState, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import { projectShapes } from '../regions/geo.ts';
import { PROVINCE_FEATURES } from '../regions/map-data.ts';
import { Heading, RouterLink, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../ui/index.ts';
import { provinceName, usePipelineT } from './common.tsx';
import { COVERAGE_CLASSES, coverageClass, type CoverageClass } from './logic.ts';
import type { ProvinceCoverage } from './types.ts';
import { AreaHighlight } from '../shared/map/AreaHighlight.tsx';

const WIDTH = 400;
const HEIGHT = 480;

/** Colour plus pattern per class (red is worst), so classes differ also without colour vision (WCAG 1.4.1). */
const STYLE: Record<CoverageClass, { fill: string; mark: string; pattern: 'none' | 'lines' | 'cross' | 'dots' }> = {
  laag: { fill: '#b3261e', mark: '#ffffff', pattern: 'cross' },
  matig: { fill: '#e0a526', mark: '#ffffff', pattern: 'lines' },
  ruim: { fill: '#7fb26a', mark: '#ffffff', pattern: 'dots' },
  gedekt: { fill: '#1d6b3e', mark: '#ffffff', pattern: 'none' },
  geen: { fill: '#e6e8eb', mark: '#5b6470', pattern: 'dots' },
};

function ClassPatterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      {COVERAGE_CLASSES.map((c) => {
        const { fill, mark, pattern } = STYLE[c];
        return (
          <pattern key={c} id={`${prefix}-${c}`} width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill={fill} />
            {pattern === 'lines' ? <path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke={mark} strokeWidth="1.2" /> : null}
            {pattern === 'cross' ? <path d="M0,0 l6,6 M6,0 l-6,6" stroke={mark} strokeWidth="1" /> : null}
            {pattern === 'dots' ? <circle cx="3" cy="3" r="0.9" fill={mark} /> : null}
          </pattern>
        );
      })}
    </defs>
  );
}

function Swatch({ value }: { value: CoverageClass }) {
  const prefix = useId().replace(/:/g, '');
  return (
    <svg className="rt-pipeline-swatch" width="28" height="18" viewBox="0 0 28 18" aria-hidden="true" focusable="false">
      <ClassPatterns prefix={prefix} />
      <rect x="0.5" y="0.5" width="27" height="17" fill={`url(#${prefix}-${value})`} stroke="#5b6470" />
    </svg>
  );
}

/**
 * The provinces coloured by how much of what is due the pipeline covers. Each province is a link that selects it
 * (12 links: usable with a keyboard); the table under the map is the full text alternative.
 */
export function CoverageMap({ provinces, period, hrefFor }: { provinces: readonly ProvinceCoverage[]; period: string; hrefFor: (code: string) => string }) {
  const { m, number, percent } = usePipelineT();
  const navigate = useNavigate();
  const prefix = useId().replace(/:/g, '');
  const titleId = useId();
  const descId = useId();
  const [active, setActive] = useState<string | null>(null);
  const shapes = useMemo(() => projectShapes(PROVINCE_FEATURES, WIDTH, HEIGHT, 6), []);
  const byCode = useMemo(() => new Map(provinces.map((p) => [p.provinceCode, p])), [provinces]);
  const classOf = (code: string) => coverageClass(byCode.get(code)?.coveragePercent ?? null);
  const label = (code: string) => m.map.areaLabel(provinceName(code), percent(byCode.get(code)?.coveragePercent ?? null));
  const activeShape = shapes.find((s) => s.code === active);

  function onClick(event: MouseEvent<Element>, href: string) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void navigate(href);
  }

  return (
    <>
      <div className="rt-map-layout">
        <svg className="rt-map rt-pipeline-map" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-labelledby={titleId} aria-describedby={descId}>
          <title id={titleId}>{m.map.mapTitle(period)}</title>
          <desc id={descId}>{m.map.mapDesc}</desc>
          <ClassPatterns prefix={prefix} />
          {shapes.map((shape) => {
            const href = hrefFor(shape.code);
            const cls = classOf(shape.code);
            return (
              <a
                key={shape.code}
                href={href}
                aria-label={label(shape.code)}
                onClick={(event) => onClick(event, href)}
                onFocus={() => setActive(shape.code)}
                onBlur={() => setActive((cur) => (cur === shape.code ? null : cur))}
                onMouseEnter={() => setActive(shape.code)}
                onMouseLeave={() => setActive((cur) => (cur === shape.code ? null : cur))}
              >
                <path className="rt-map__area rt-pipeline-map__area" d={shape.d} data-code={shape.code} data-class={cls} fill={`url(#${prefix}-${cls})`} />
              </a>
            );
          })}
          <AreaHighlight d={activeShape?.d} />
        </svg>
        <div className="rt-map-legend">
          <Heading level={3}>{m.map.legendTitle}</Heading>
          <ul className="rt-pipeline-legend rt-pipeline-legend--column">
            {COVERAGE_CLASSES.map((c) => (
              <li key={c} data-class={c}>
                <Swatch value={c} />
                {m.coverage[c]}
              </li>
            ))}
          </ul>
          <p className="rt-map-focus-label" aria-hidden="true">
            {activeShape ? label(activeShape.code) : m.map.hint}
          </p>
        </div>
      </div>
      <Table caption={m.map.caption(period)}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{m.overview.colProvince}</TableHeaderCell>
            <TableHeaderCell scope="col" className="rt-numeric">{m.overview.colDue}</TableHeaderCell>
            <TableHeaderCell scope="col" className="rt-numeric">{m.overview.colInPeriod}</TableHeaderCell>
            <TableHeaderCell scope="col" className="rt-numeric">{m.overview.colPersons}</TableHeaderCell>
            <TableHeaderCell scope="col" className="rt-numeric">{m.overview.colCoverage}</TableHeaderCell>
            <TableHeaderCell scope="col" className="rt-numeric">{m.overview.colProjects}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {provinces.map((p) => (
            <TableRow key={p.provinceCode} data-class={coverageClass(p.coveragePercent)}>
              <TableHeaderCell scope="row">
                <RouterLink to={hrefFor(p.provinceCode)}>{provinceName(p.provinceCode)}</RouterLink>
              </TableHeaderCell>
              <TableCell className="rt-numeric">{number(p.due)}</TableCell>
              <TableCell className="rt-numeric">{number(p.homesExpectedInPeriod)}</TableCell>
              <TableCell className="rt-numeric">{number(p.personsCovered)}</TableCell>
              <TableCell className="rt-numeric">{percent(p.coveragePercent)}</TableCell>
              <TableCell className="rt-numeric">{number(p.projects)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
