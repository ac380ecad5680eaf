import { useMemo } from 'react';
import { projectShapes } from './geo.ts';
import { PROVINCE_FEATURES } from './map-data.ts';

const WIDTH = 144;
const HEIGHT = 172;

/** A small map of the Netherlands with one province filled in: where the province lies. */
export function ProvinceLocator({ code, label }: { code: string; label: string }) {
  const shapes = useMemo(() => projectShapes(PROVINCE_FEATURES, WIDTH, HEIGHT, 2), []);
  if (!shapes.some((s) => s.code === code)) return null;
  return (
    <svg className="rt-locator" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      {shapes
        .filter((s) => s.code !== code)
        .map((s) => (
          <path key={s.code} className="rt-locator__other" d={s.d} />
        ))}
      {shapes
        .filter((s) => s.code === code)
        .map((s) => (
          <path key={s.code} className="rt-locator__self" d={s.d} />
        ))}
    </svg>
  );
}
