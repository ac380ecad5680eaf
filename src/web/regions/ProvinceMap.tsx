import { useId, useMemo, useState, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import type { ProvinceSummary } from '../api/types.ts';
import { useT } from '../i18n/index.tsx';
import { Heading } from '../ui/index.ts';
import { projectShapes } from './geo.ts';
import { PROVINCE_FEATURES } from './map-data.ts';
import { AreaHighlight } from '../shared/map/AreaHighlight.tsx';

const WIDTH = 400;
const HEIGHT = 480;
/** Class limits in inhabitants; four classes are easy to tell apart and keep the legend short. */
const BREAKS = [750_000, 1_500_000, 3_000_000];
const FILLS = ['#dce8f3', '#a9c6e0', '#6f9dc6', '#3b6f9e'];
const NO_FIGURE_FILL = '#e6e6e6';

function fillFor(inhabitants: number | null): string {
  if (inhabitants === null) return NO_FIGURE_FILL;
  const index = BREAKS.findIndex((limit) => inhabitants < limit);
  return FILLS[index === -1 ? FILLS.length - 1 : index] ?? NO_FIGURE_FILL;
}

export interface ProvinceMapProps {
  provinces: readonly ProvinceSummary[];
  hrefFor: (code: string) => string;
}

/**
 * The provinces as links in an inline SVG. Each link is named with the province, its population and the status
 * of that figure, so the map is usable with a keyboard and a screen reader; the table under it is the full
 * text alternative.
 */
export function ProvinceMap({ provinces, hrefFor }: ProvinceMapProps) {
  const { t, number } = useT();
  const navigate = useNavigate();
  const titleId = useId();
  const descId = useId();
  const [active, setActive] = useState<string | null>(null);
  const shapes = useMemo(() => projectShapes(PROVINCE_FEATURES, WIDTH, HEIGHT, 6), []);
  const byCode = useMemo(() => new Map(provinces.map((p) => [p.code, p])), [provinces]);

  function nameFor(code: string, fallbackName: string): string {
    const province = byCode.get(code);
    const inhabitants = province?.population.inhabitants ?? null;
    const status = province?.population.status;
    if (!province || inhabitants === null) return t.regions.mapLinkNameMissing(province?.name ?? fallbackName);
    return t.regions.mapLinkName(province.name, number(inhabitants), status ? t.status[status] : t.status.unknown);
  }

  function onClick(event: MouseEvent<Element>, href: string) {
    // Leave ctrl/cmd/shift/middle clicks to the browser (new tab or window); handle plain clicks in the app.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void navigate(href);
  }

  const activeShape = shapes.find((s) => s.code === active);
  const legend = [
    t.regions.legendBelow(number(BREAKS[0] ?? 0)),
    t.regions.legendRange(number(BREAKS[0] ?? 0), number(BREAKS[1] ?? 0)),
    t.regions.legendRange(number(BREAKS[1] ?? 0), number(BREAKS[2] ?? 0)),
    t.regions.legendFrom(number(BREAKS[2] ?? 0)),
  ];

  return (
    <div className="rt-map-layout">
      <svg
        className="rt-map"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="group"
        aria-labelledby={titleId}
        aria-describedby={descId}
      >
        <title id={titleId}>{t.regions.mapTitle}</title>
        <desc id={descId}>{t.regions.mapDescription}</desc>
        {shapes.map((shape) => {
          const href = hrefFor(shape.code);
          const province = byCode.get(shape.code);
          return (
            <a
              key={shape.code}
              href={href}
              aria-label={nameFor(shape.code, shape.name)}
              onClick={(event) => onClick(event, href)}
              onFocus={() => setActive(shape.code)}
              onBlur={() => setActive((current) => (current === shape.code ? null : current))}
              onMouseEnter={() => setActive(shape.code)}
              onMouseLeave={() => setActive((current) => (current === shape.code ? null : current))}
            >
              <path className="rt-map__area" d={shape.d} fill={fillFor(province?.population.inhabitants ?? null)} />
            </a>
          );
        })}
        <AreaHighlight d={activeShape?.d} />
      </svg>
      <div className="rt-map-legend">
        <Heading level={3}>{t.regions.legendTitle}</Heading>
        <ul>
          {legend.map((label, index) => (
            <li key={label}>
              <span className="rt-swatch" style={{ background: FILLS[index] }} aria-hidden="true" />
              {label}
            </li>
          ))}
          <li>
            <span className="rt-swatch" style={{ background: NO_FIGURE_FILL }} aria-hidden="true" />
            {t.regions.legendNoFigure}
          </li>
        </ul>
        {/* Repeats the focused link's name for sighted users; screen readers already hear it. */}
        <p className="rt-map-focus-label" aria-hidden="true">
          {activeShape ? nameFor(activeShape.code, activeShape.name) : t.regions.mapHint}
        </p>
      </div>
    </div>
  );
}
