import { useEffect, useId, useMemo, useState } from 'react';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { projectShapes, type ProvinceShapeProperties } from '../regions/geo.ts';
import { Heading, LoadingStatus } from '../ui/index.ts';
import { useLedgerT } from './common.tsx';
import { MAP_CLASSES, type MapClass, type PublicMapItem } from './types.ts';

const WIDTH = 400;
const HEIGHT = 480;
type Features = FeatureCollection<Polygon | MultiPolygon, ProvinceShapeProperties>;

/** Colour plus a pattern per class, so the classes differ also without colour vision (WCAG 1.4.1). */
const STYLE: Record<MapClass, { fill: string; pattern: 'none' | 'lines' | 'cross' | 'dots' }> = {
  behaald: { fill: '#1d6b3e', pattern: 'none' },
  bijna: { fill: '#e0a526', pattern: 'lines' },
  achter: { fill: '#b3261e', pattern: 'cross' },
  'geen taak': { fill: '#e6e8eb', pattern: 'dots' },
};
const NOT_INCLUDED_FILL = '#ffffff';

const classKey = (c: MapClass) => c.replace(' ', '-');

/** <pattern> definitions for the four classes, ids `${prefix}-behaald` etc. */
function ClassPatterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      {MAP_CLASSES.map((c) => {
        const { fill, pattern } = STYLE[c];
        const mark = c === 'geen taak' ? '#5b6470' : '#ffffff';
        return (
          <pattern key={c} id={`${prefix}-${classKey(c)}`} width="6" height="6" patternUnits="userSpaceOnUse">
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

function Swatch({ value }: { value: MapClass }) {
  const prefix = useId().replace(/:/g, '');
  return (
    <svg className="rt-ledger-swatch" width="28" height="18" viewBox="0 0 28 18" aria-hidden="true" focusable="false">
      <ClassPatterns prefix={prefix} />
      <rect x="0.5" y="0.5" width="27" height="17" fill={`url(#${prefix}-${classKey(value)})`} stroke="#5b6470" />
    </svg>
  );
}

/** The legend: pattern swatch plus the class in words. */
export function ClassLegend() {
  const { m } = useLedgerT();
  return (
    <div className="rt-map-legend">
      <Heading level={3}>{m.map.legendTitle}</Heading>
      <ul className="rt-ledger-legend">
        {MAP_CLASSES.map((c) => (
          <li key={c} data-class={c}>
            <Swatch value={c} />
            {m.classes[c]}
          </li>
        ))}
      </ul>
    </div>
  );
}

let municipalFeatures: Promise<Features> | null = null;
function loadMunicipalFeatures() {
  municipalFeatures ??= import('../distribution/municipality-map-data.ts').then((mod) => mod.MUNICIPALITY_FEATURES);
  return municipalFeatures;
}

/** The public half-year map: every municipality in the colour and pattern of its class. */
export function LedgerMap({ items, period }: { items: readonly PublicMapItem[]; period: string }) {
  const { m, percent } = useLedgerT();
  const prefix = useId().replace(/:/g, '');
  const titleId = useId();
  const descId = useId();
  const [features, setFeatures] = useState<Features | null>(null);
  const [active, setActive] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void loadMunicipalFeatures().then((f) => {
      if (live) setFeatures(f);
    });
    return () => {
      live = false;
    };
  }, []);
  const byCode = useMemo(() => new Map(items.map((i) => [i.code, i])), [items]);
  const shapes = useMemo(() => (features ? projectShapes(features, WIDTH, HEIGHT, 6) : []), [features]);
  const activeShape = shapes.find((s) => s.code === active);
  const activeItem = active ? byCode.get(active) : undefined;

  return (
    <>
      <LoadingStatus busy={features === null} loadingText={m.map.loading} />
      <div className="rt-map-layout">
        {features ? (
          <svg className="rt-map rt-ledger-map" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} aria-describedby={descId}>
            <title id={titleId}>{m.map.mapTitle(period)}</title>
            <desc id={descId}>{m.map.mapDescription}</desc>
            <ClassPatterns prefix={prefix} />
            {shapes.map((shape) => {
              const item = byCode.get(shape.code);
              return (
                <path
                  key={shape.code}
                  className="rt-map__area rt-ledger-map__area"
                  d={shape.d}
                  data-code={shape.code}
                  data-class={item?.class ?? ''}
                  fill={item ? `url(#${prefix}-${classKey(item.class)})` : NOT_INCLUDED_FILL}
                  // 345 municipalities would be a tab trap: only the mouse; the table is the text alternative.
                  onMouseEnter={() => setActive(shape.code)}
                  onMouseLeave={() => setActive((cur) => (cur === shape.code ? null : cur))}
                />
              );
            })}
            {activeShape ? (
              <g aria-hidden="true">
                <path className="rt-map__highlight rt-map__highlight--halo" d={activeShape.d} />
                <path className="rt-map__highlight" d={activeShape.d} />
              </g>
            ) : null}
          </svg>
        ) : (
          <div />
        )}
        <div>
          <ClassLegend />
          <p className="rt-map-focus-label" aria-hidden="true">
            {activeItem ? m.map.areaLabel(activeItem.name, percent(activeItem.percentage), m.classShort[activeItem.class]) : m.map.hint}
          </p>
        </div>
      </div>
    </>
  );
}
