import { useId, useMemo, useState } from 'react';
import { useApi } from '../api/useApi.ts';
import { projectShapes } from '../regions/geo.ts';
import { AreaHighlight } from '../shared/map/AreaHighlight.tsx';
import { PatternDefs, patternId } from '../shared/map/Choropleth.tsx';
import { TONES, type ClassStyle } from '../shared/map/classes.ts';
import { useMunicipalGeometry } from '../shared/map/useMunicipalGeometry.ts';
import { Heading, LoadingStatus } from '../ui/index.ts';
import { useLedgerT } from './common.tsx';
import type { MapClass, MapLegendEntry, PublicMapItem } from './types.ts';

const WIDTH = 400;
const HEIGHT = 480;
/** A municipality of a province that has not published the map of the half-year yet. */
export const UNPUBLISHED = 'nog niet gepubliceerd';
type Fill = MapClass | typeof UNPUBLISHED;
const FILLS: readonly Fill[] = ['behaald', 'bijna', 'achter', 'geen taak', UNPUBLISHED];

/** Colour plus a pattern per class, so the classes differ also without colour vision (WCAG 1.4.1). */
const STYLE: Record<Fill, ClassStyle> = {
  behaald: TONES.good,
  bijna: TONES.fair,
  achter: TONES.poor,
  'geen taak': TONES.neutral,
  // Neutral on purpose: no judgement about a municipality whose province has not published.
  [UNPUBLISHED]: { fill: '#b9bfc7', mark: '#ffffff', pattern: 'stripes' },
};
const NOT_INCLUDED_FILL = '#ffffff';
const NONE: readonly string[] = [];

/** <pattern> definitions for the classes, ids `${prefix}-behaald` etc. */
function ClassPatterns({ prefix }: { prefix: string }) {
  return <PatternDefs prefix={prefix} entries={FILLS.map((c) => ({ key: c, style: STYLE[c] }))} />;
}

function Swatch({ value }: { value: Fill }) {
  const prefix = useId().replace(/:/g, '');
  return (
    <svg className="rt-ledger-swatch" width="28" height="18" viewBox="0 0 28 18" aria-hidden="true" focusable="false">
      <ClassPatterns prefix={prefix} />
      <rect x="0.5" y="0.5" width="27" height="17" fill={`url(#${patternId(prefix, value)})`} stroke="#5b6470" />
    </svg>
  );
}

/**
 * The legend: pattern swatch plus the class in words. The words of the classes come from the server, which derives
 * them from the same thresholds that classify (they are Dutch, like the server's other explanations).
 */
export function ClassLegend({ legend, withUnpublished }: { legend: readonly MapLegendEntry[]; withUnpublished: boolean }) {
  const { m, lang } = useLedgerT();
  return (
    <div className="rt-map-legend">
      <Heading level={3}>{m.map.legendTitle}</Heading>
      <ul className="rt-ledger-legend">
        {legend.map((entry) => (
          <li key={entry.class} data-class={entry.class}>
            <Swatch value={entry.class} />
            <span>
              {m.classShort[entry.class] ?? entry.class}: <span lang={lang === 'nl' ? undefined : 'nl'}>{entry.label}</span>
            </span>
          </li>
        ))}
        {withUnpublished ? (
          <li data-class={UNPUBLISHED}>
            <Swatch value={UNPUBLISHED} />
            <span>
              {m.map.unpublishedShort}: {m.map.unpublishedLegend}
            </span>
          </li>
        ) : null}
      </ul>
    </div>
  );
}

/**
 * The half-year map: every municipality in the colour and pattern of its class; municipalities of the provinces in
 * `unpublished` in the neutral "not published yet" pattern, and any other shape without figures left white.
 */
export function LedgerMap({
  items,
  period,
  legend,
  unpublished = NONE,
}: {
  items: readonly PublicMapItem[];
  period: string;
  legend: readonly MapLegendEntry[];
  unpublished?: readonly string[];
}) {
  const { m, percent } = useLedgerT();
  const prefix = useId().replace(/:/g, '');
  const titleId = useId();
  const descId = useId();
  const data = useMunicipalGeometry();
  const [active, setActive] = useState<string | null>(null);
  // The shapes carry no province; the regions API knows which province each municipality of that year was in.
  const provinces = useApi<{ items: { code: string; provinceCode: string }[] }>(
    data && unpublished.length > 0 ? `/api/v1/municipalities?year=${data.year}` : null,
  );
  const unpublishedCodes = useMemo(() => {
    const wanted = new Set(unpublished);
    return new Set((provinces.data?.items ?? []).filter((r) => wanted.has(r.provinceCode)).map((r) => r.code));
  }, [provinces.data, unpublished]);
  const byCode = useMemo(() => new Map(items.map((i) => [i.code, i])), [items]);
  const shapes = useMemo(() => (data ? projectShapes(data.features, WIDTH, HEIGHT, 6) : []), [data]);
  const activeShape = shapes.find((s) => s.code === active);
  const activeItem = active ? byCode.get(active) : undefined;
  const fillOf = (code: string): Fill | null => byCode.get(code)?.class ?? (unpublishedCodes.has(code) ? UNPUBLISHED : null);

  return (
    <>
      <LoadingStatus busy={data === null} loadingText={m.map.loading} />
      <div className="rt-map-layout">
        {data ? (
          <svg className="rt-map rt-ledger-map" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} aria-describedby={descId}>
            <title id={titleId}>{m.map.mapTitle(period)}</title>
            <desc id={descId}>{m.map.mapDescription}</desc>
            <ClassPatterns prefix={prefix} />
            {shapes.map((shape) => {
              const fill = fillOf(shape.code);
              return (
                <path
                  key={shape.code}
                  className="rt-map__area rt-ledger-map__area"
                  d={shape.d}
                  data-code={shape.code}
                  data-class={fill ?? ''}
                  fill={fill ? `url(#${patternId(prefix, fill)})` : NOT_INCLUDED_FILL}
                  // 345 municipalities would be a tab trap: only the mouse; the table is the text alternative.
                  onMouseEnter={() => setActive(shape.code)}
                  onMouseLeave={() => setActive((cur) => (cur === shape.code ? null : cur))}
                />
              );
            })}
            <AreaHighlight d={activeShape?.d} />
          </svg>
        ) : (
          <div />
        )}
        <div>
          <ClassLegend legend={legend} withUnpublished={unpublished.length > 0} />
          <p className="rt-map-focus-label" aria-hidden="true">
            {activeItem
              ? m.map.areaLabel(activeItem.name, percent(activeItem.percentage), m.classShort[activeItem.class])
              : activeShape && unpublishedCodes.has(activeShape.code)
                ? `${activeShape.name}: ${m.map.unpublishedShort}`
                : m.map.hint}
          </p>
        </div>
      </div>
    </>
  );
}
