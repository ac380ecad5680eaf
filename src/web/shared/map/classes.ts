/**
 * Classes of a choropleth: how a value falls into a class, and how each class looks. Every class has a colour AND a
 * pattern (lines, cross, dots, stripes), so the map does not rely on colour alone (WCAG 1.4.1); the legend also says
 * each class in words.
 */
export type Tone = 'good' | 'fair' | 'poor' | 'bad' | 'neutral' | 'none';
export type Pattern = 'none' | 'lines' | 'cross' | 'dots' | 'stripes' | 'grid';

export interface ClassStyle {
  fill: string;
  mark: string;
  pattern: Pattern;
}

/** The same colours as the published taakstelling map (LedgerMap), so the maps of the app read alike. */
export const TONES: Record<Tone, ClassStyle> = {
  good: { fill: '#1d6b3e', mark: '#ffffff', pattern: 'none' },
  fair: { fill: '#e0a526', mark: '#ffffff', pattern: 'lines' },
  poor: { fill: '#b3261e', mark: '#ffffff', pattern: 'cross' },
  bad: { fill: '#5c1410', mark: '#ffffff', pattern: 'grid' },
  neutral: { fill: '#e6e8eb', mark: '#5b6470', pattern: 'dots' },
  none: { fill: '#ffffff', mark: '#8a929c', pattern: 'stripes' },
};

/**
 * The index of the class a value falls in, with classes bounded by ascending `breaks`: class 0 is below breaks[0],
 * class i is from breaks[i−1] up to (not including) breaks[i], the last class from the last break on.
 *
 * `classIndex(0.3, [0.25, 0.5, 1])` → 1
 */
export function classIndex(value: number, breaks: readonly number[]): number {
  const i = breaks.findIndex((limit) => value < limit);
  return i === -1 ? breaks.length : i;
}

/** How many areas fall in each class, in the order of `keys` (the legend's and the table's counts). */
export function countByClass(keys: readonly string[], areas: readonly { classKey: string }[]): Record<string, number> {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<string, number>;
  for (const a of areas) counts[a.classKey] = (counts[a.classKey] ?? 0) + 1;
  return counts;
}

/**
 * The roving focus of a map: the next area in reading order for an arrow key, Home and End to the first and last;
 * null for any other key (it is left to the browser).
 */
export function nextArea(order: readonly string[], current: string, key: string): string | null {
  if (order.length === 0) return null;
  const i = Math.max(0, order.indexOf(current));
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return order[(i + 1) % order.length]!;
    case 'ArrowLeft':
    case 'ArrowUp':
      return order[(i - 1 + order.length) % order.length]!;
    case 'Home':
      return order[0]!;
    case 'End':
      return order[order.length - 1]!;
    default:
      return null;
  }
}
