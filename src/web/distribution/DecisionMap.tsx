import { useId, useMemo, useState } from 'react';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { projectShapes, type ProvinceShapeProperties } from '../regions/geo.ts';
import { PROVINCE_FEATURES } from '../regions/map-data.ts';
import { Heading, LoadingStatus, Paragraph } from '../ui/index.ts';
import { useDistributionT } from './common.tsx';
import type { AreaResult, DecisionView } from './types.ts';
import { AreaHighlight } from '../shared/map/AreaHighlight.tsx';
import { useMunicipalGeometry } from '../shared/map/useMunicipalGeometry.ts';

const WIDTH = 400;
const HEIGHT = 480;
const FILLS = ['#e8eff6', '#bcd1e6', '#86aed3', '#4f82b3', '#1f4e79'];
const NOT_INCLUDED_FILL = '#eceef1';

type Features = FeatureCollection<Polygon | MultiPolygon, ProvinceShapeProperties>;

/** 1.234 → 1.200: class limits that read easily in the legend. */
function roundNice(n: number): number {
  if (n < 10) return Math.max(1, Math.round(n));
  const magnitude = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / magnitude) * magnitude;
}

/**
 * Up to four class limits at the quintiles of the assigned numbers, rounded; an area with value v falls in the
 * first class whose limit is above v. Quintiles keep every colour in use, also when a few areas are far larger.
 */
export function classLimits(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const limits: number[] = [];
  for (let i = 1; i < FILLS.length; i++) {
    const q = sorted[Math.min(sorted.length - 1, Math.floor((i * sorted.length) / FILLS.length))] ?? 0;
    const limit = roundNice(q);
    if (limit > 0 && limit > (limits.at(-1) ?? 0) && limit <= (sorted.at(-1) ?? 0)) limits.push(limit);
  }
  return limits;
}

function fillFor(value: number | undefined, limits: readonly number[]): string {
  if (value === undefined) return NOT_INCLUDED_FILL;
  const index = limits.findIndex((limit) => value < limit);
  return FILLS[index === -1 ? limits.length : index] ?? FILLS[FILLS.length - 1]!;
}

function ChoroplethMap({ features, areas, title, focusable }: { features: Features; areas: readonly AreaResult[]; title: string; focusable: boolean }) {
  const { m, number } = useDistributionT();
  const titleId = useId();
  const descId = useId();
  const [active, setActive] = useState<string | null>(null);
  const byCode = useMemo(() => new Map(areas.map((a) => [a.code, a])), [areas]);
  const shapes = useMemo(() => {
    // Zoom to the areas of the decision (one province's municipalities); the neighbours stay as context.
    const inDecision = features.features.filter((f) => byCode.has(f.properties.statcode));
    const fitTo = inDecision.length > 0 && inDecision.length < features.features.length ? { ...features, features: inDecision } : features;
    return projectShapes(features, WIDTH, HEIGHT, 6, fitTo);
  }, [features, byCode]);
  const limits = useMemo(() => classLimits(areas.map((a) => a.assigned)), [areas]);

  const nameFor = (code: string, fallback: string) => {
    const area = byCode.get(code);
    return area ? m.map.areaName(area.name, number(area.assigned)) : m.map.areaNotIncluded(fallback);
  };
  const legend = limits.length === 0
    ? [m.map.legendFrom(number(0))]
    : [
        m.map.legendRange(number(0), number(limits[0]!)),
        ...limits.slice(1).map((limit, i) => m.map.legendRange(number(limits[i]!), number(limit))),
        m.map.legendFrom(number(limits.at(-1)!)),
      ];
  const activeShape = shapes.find((s) => s.code === active);
  const included = shapes.some((s) => !byCode.has(s.code));

  return (
    <div className="rt-map-layout">
      <svg
        className="rt-map rt-decision-map"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role={focusable ? 'group' : 'img'}
        aria-labelledby={titleId}
        aria-describedby={descId}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{m.map.description}</desc>
        {shapes.map((shape) => {
          const area = byCode.get(shape.code);
          const show = () => setActive(shape.code);
          const hide = () => setActive((current) => (current === shape.code ? null : current));
          return (
            <path
              key={shape.code}
              className="rt-map__area"
              d={shape.d}
              fill={fillFor(area?.assigned, limits)}
              // Twelve provinces can each take focus; 345 municipalities would be a tab trap, so they only react to
              // the mouse and the table below is their text alternative.
              {...(focusable ? { role: 'img', tabIndex: 0, 'aria-label': nameFor(shape.code, shape.name), onFocus: show, onBlur: hide } : {})}
              onMouseEnter={show}
              onMouseLeave={hide}
            />
          );
        })}
        <AreaHighlight d={activeShape?.d} />
      </svg>
      <div className="rt-map-legend">
        <Heading level={3}>{m.map.legendTitle}</Heading>
        <ul>
          {legend.map((label, index) => (
            <li key={label}>
              <span className="rt-swatch" style={{ background: FILLS[index] }} aria-hidden="true" />
              {label}
            </li>
          ))}
          {included ? (
            <li>
              <span className="rt-swatch rt-swatch--empty" style={{ background: NOT_INCLUDED_FILL }} aria-hidden="true" />
              {m.map.legendNotIncluded}
            </li>
          ) : null}
        </ul>
        <p className="rt-map-focus-label" aria-hidden="true">
          {activeShape ? nameFor(activeShape.code, activeShape.name) : m.map.hint}
        </p>
      </div>
    </div>
  );
}

/** Only for these boundary years does Regietafel hold municipal geometry (data/nl_gemeente_2022_wgs84.topojson). */
const MUNICIPAL_GEOMETRY_YEARS = new Set([2022]);

function MunicipalMap({ decision }: { decision: DecisionView }) {
  const { m } = useDistributionT();
  const features = useMunicipalGeometry()?.features ?? null;
  return (
    <>
      <LoadingStatus busy={features === null} loadingText={m.map.loading} />
      {features ? <ChoroplethMap features={features} areas={decision.areas} title={m.map.municipalitiesTitle} focusable={false} /> : null}
    </>
  );
}

/** The decision as a choropleth: provinces, or municipalities when the boundaries of that year are on file. */
export function DecisionMap({ decision }: { decision: DecisionView }) {
  const { m } = useDistributionT();
  if (decision.level === 'province') {
    return <ChoroplethMap features={PROVINCE_FEATURES} areas={decision.areas} title={m.map.provincesTitle} focusable />;
  }
  const year = Number(decision.boundaryDate.slice(0, 4));
  if (!MUNICIPAL_GEOMETRY_YEARS.has(year)) return <Paragraph>{m.map.noGeometry(year)}</Paragraph>;
  return <MunicipalMap decision={decision} />;
}
