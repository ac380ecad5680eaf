import { apportion, type AreaWeight } from '../src/domain/distribution/apportion.ts';
import { medianMs, type BenchResult } from './measure.ts';

/** A deterministic pseudo-random generator, so every run measures the same input. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function areas(n: number, seed: number): AreaWeight[] {
  const rnd = lcg(seed);
  // Population-like weights: 1,000 to about 900,000.
  return Array.from({ length: n }, (_, i) => ({ id: `GM${String(i).padStart(7, '0')}`, weight: 1_000 + Math.floor(rnd() * rnd() * 900_000) }));
}

/**
 * Apportionment of 342 municipalities (largest remainder, Sainte-Laguë) and of 1,000,000 areas, against the
 * floor of sorting 1,000,000 doubles natively in the same run. The per-area explanations are computed on
 * demand; materialising all of them is measured separately.
 */
export async function benchDistribution(): Promise<BenchResult> {
  const small = areas(342, 1);
  const large = areas(1_000_000, 2);
  const total = 51_000;
  const bigTotal = 50_000_000;
  const t342lr = medianMs(() => apportion(total, small, 'largest-remainder'), 101, 20);
  const t342sl = medianMs(() => apportion(total, small, 'sainte-lague'), 101, 20);
  const t342explain = medianMs(() => apportion(total, small, 'sainte-lague').areas.map((a) => a.explanation), 51, 10);

  const rnd = lcg(3);
  const numbers = Float64Array.from({ length: 1_000_000 }, () => rnd());
  const tSort = medianMs(() => numbers.slice().sort(), 9, 2);
  // Every run reads all million whole numbers, so nothing is skipped that a caller would need.
  const numbers1M = (method: 'largest-remainder' | 'sainte-lague' | 'dhondt') => {
    const assigned = apportion(bigTotal, large, method).assignedNumbers;
    let sum = 0;
    for (let i = 0; i < assigned.length; i++) sum += assigned[i]!;
    if (sum !== bigTotal) throw new Error(`sum ${sum} ≠ ${bigTotal}`);
  };
  const tLr = medianMs(() => numbers1M('largest-remainder'), 9, 2);
  const tSl = medianMs(() => numbers1M('sainte-lague'), 9, 2);
  const tDh = medianMs(() => numbers1M('dhondt'), 9, 2);
  const tObjects = medianMs(() => apportion(bigTotal, large, 'largest-remainder').areas.map((a) => a.assigned), 5, 1);
  const tExplain = medianMs(() => apportion(bigTotal, large, 'largest-remainder').areas.map((a) => a.explanation), 3, 1);
  const ratio = (t: number) => `${(t / tSort).toFixed(2)} × sort`;
  return {
    name: 'Apportionment (342 municipalities; 1,000,000 areas against a native sort of 1,000,000 doubles)',
    lines: [
      `342 areas, largest remainder: ${(t342lr * 1000).toFixed(0)} µs`,
      `342 areas, Sainte-Laguë: ${(t342sl * 1000).toFixed(0)} µs`,
      `342 areas, Sainte-Laguë + all explanations: ${(t342explain * 1000).toFixed(0)} µs`,
      `sort 1,000,000 doubles (Float64Array): ${tSort.toFixed(1)} ms`,
      `1,000,000 areas, largest remainder: ${tLr.toFixed(1)} ms (${ratio(tLr)})`,
      `1,000,000 areas, Sainte-Laguë: ${tSl.toFixed(1)} ms (${ratio(tSl)})`,
      `1,000,000 areas, D'Hondt: ${tDh.toFixed(1)} ms (${ratio(tDh)})`,
      `1,000,000 areas, largest remainder, one result object per area: ${tObjects.toFixed(1)} ms (${ratio(tObjects)})`,
      `1,000,000 areas, largest remainder + all explanations: ${tExplain.toFixed(0)} ms (${ratio(tExplain)})`,
    ],
  };
}
