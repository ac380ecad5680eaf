import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ProjectedShape } from '../../regions/geo.ts';
import { AreaHighlight } from './AreaHighlight.tsx';
import './map.css';
import { nextArea, TONES, type ClassStyle, type Tone } from './classes.ts';

export interface MapClass {
  key: string;
  /** The class in words, as the legend and the table say it. */
  label: string;
  tone: Tone;
}

export interface MapArea {
  code: string;
  name: string;
  classKey: string;
  /** What the details line says when the area has the focus or the mouse: the figures behind its class. */
  detail: string;
}

export const patternId = (prefix: string, key: string) => `${prefix}-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** <pattern> definitions with ids `${prefix}-${key}`: each style's colour with its own pattern on top. */
export function PatternDefs({ prefix, entries }: { prefix: string; entries: readonly { key: string; style: ClassStyle }[] }) {
  return (
    <defs>
      {entries.map(({ key, style: { fill, mark, pattern } }) => (
        <pattern key={key} id={patternId(prefix, key)} width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill={fill} />
          {pattern === 'lines' ? <path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke={mark} strokeWidth="1.2" /> : null}
          {pattern === 'cross' ? <path d="M0,0 l6,6 M6,0 l-6,6" stroke={mark} strokeWidth="1" /> : null}
          {pattern === 'grid' ? <path d="M3,0 v6 M0,3 h6" stroke={mark} strokeWidth="1" /> : null}
          {pattern === 'dots' ? <circle cx="3" cy="3" r="0.9" fill={mark} /> : null}
          {pattern === 'stripes' ? <path d="M0,1.5 h6 M0,4.5 h6" stroke={mark} strokeWidth="1" /> : null}
        </pattern>
      ))}
    </defs>
  );
}

function ClassPatterns({ prefix, classes }: { prefix: string; classes: readonly MapClass[] }) {
  return <PatternDefs prefix={prefix} entries={classes.map((c) => ({ key: c.key, style: TONES[c.tone] }))} />;
}

/** The legend: each class's swatch, its words and how many areas are in it. */
export function ChoroplethLegend({ title, classes, counts, countText }: { title: string; classes: readonly MapClass[]; counts: Record<string, number>; countText: (n: number) => string }) {
  const prefix = useId().replace(/:/g, '');
  return (
    <div className="rt-choropleth-legend">
      <p className="rt-choropleth-legend__title">{title}</p>
      <ul className="rt-choropleth-legend__list">
        {classes.map((c) => (
          <li key={c.key} data-class={c.key}>
            <svg className="rt-choropleth-legend__swatch" width="28" height="18" viewBox="0 0 28 18" aria-hidden="true" focusable="false">
              <ClassPatterns prefix={prefix} classes={[c]} />
              <rect x="0.5" y="0.5" width="27" height="17" fill={`url(#${patternId(prefix, c.key)})`} stroke="#5b6470" />
            </svg>
            <span>
              {c.label} <span className="rt-choropleth-legend__count">{countText(counts[c.key] ?? 0)}</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface ChoroplethMapProps {
  shapes: readonly ProjectedShape[];
  width: number;
  height: number;
  classes: readonly MapClass[];
  /** The areas with figures; a shape without one gets the class `missingClass`. */
  areas: readonly MapArea[];
  missingClass: MapClass;
  missingDetail: (name: string) => string;
  labelledBy: string;
  description: string;
  /** What the details line says before any area has the focus or the mouse. */
  hint: string;
}

/**
 * A choropleth as an inline SVG: every area filled with its class's colour and pattern. The areas form one tab stop
 * (a roving tabindex: the arrow keys go to the next and previous area in alphabetical order, Home and End to the
 * first and last), so 345 municipalities are no tab trap. The focused or hovered area is outlined, and its details
 * appear in a live region under the map, which a screen reader reads out.
 */
export function ChoroplethMap({ shapes, width, height, classes, areas, missingClass, missingDetail, labelledBy, description, hint }: ChoroplethMapProps) {
  const prefix = useId().replace(/:/g, '');
  const descId = useId();
  const refs = useRef(new Map<string, SVGPathElement>());
  const byCode = useMemo(() => new Map(areas.map((a) => [a.code, a])), [areas]);
  const classByKey = useMemo(() => new Map([...classes, missingClass].map((c) => [c.key, c])), [classes, missingClass]);
  // Alphabetical by the name the figures give (the table's order), the shape's own name where there are none.
  const order = useMemo(() => {
    const nameOf = (s: ProjectedShape) => byCode.get(s.code)?.name ?? s.name;
    return [...shapes].sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'nl')).map((s) => s.code);
  }, [shapes, byCode]);
  const [current, setCurrent] = useState<string | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const tabStop = current !== null && order.includes(current) ? current : (order[0] ?? null);
  const activeShape = shapes.find((s) => s.code === active);
  const detailOf = (code: string, name: string) => byCode.get(code)?.detail ?? missingDetail(name);

  const onKeyDown = (event: KeyboardEvent<SVGPathElement>, code: string) => {
    const next = nextArea(order, code, event.key);
    if (next === null) return;
    event.preventDefault();
    setCurrent(next);
    refs.current.get(next)?.focus();
  };

  return (
    <div className="rt-choropleth">
      <svg className="rt-map rt-choropleth__map" viewBox={`0 0 ${width} ${height}`} role="group" aria-labelledby={labelledBy} aria-describedby={descId}>
        <desc id={descId}>{description}</desc>
        <ClassPatterns prefix={prefix} classes={[...classes, missingClass]} />
        {shapes.map((shape) => {
          const area = byCode.get(shape.code);
          const cls = classByKey.get(area?.classKey ?? missingClass.key) ?? missingClass;
          return (
            <path
              key={shape.code}
              ref={(el) => {
                if (el) refs.current.set(shape.code, el);
                else refs.current.delete(shape.code);
              }}
              className="rt-map__area rt-choropleth__area"
              d={shape.d}
              data-code={shape.code}
              data-class={cls.key}
              fill={`url(#${patternId(prefix, cls.key)})`}
              role="img"
              aria-label={`${area?.name ?? shape.name}: ${cls.label}`}
              tabIndex={shape.code === tabStop ? 0 : -1}
              onFocus={() => {
                setCurrent(shape.code);
                setActive(shape.code);
              }}
              onBlur={() => setActive((cur) => (cur === shape.code ? null : cur))}
              onMouseEnter={() => setActive(shape.code)}
              onMouseLeave={() => setActive((cur) => (cur === shape.code ? null : cur))}
              onKeyDown={(event) => onKeyDown(event, shape.code)}
            />
          );
        })}
        <AreaHighlight d={activeShape?.d} />
      </svg>
      <p className="rt-choropleth__details" aria-live="polite" data-testid="map-details">
        {activeShape ? detailOf(activeShape.code, activeShape.name) : hint}
      </p>
    </div>
  );
}
