import { describe, expect, it } from 'vitest';
import { RunRandom } from './random.ts';

const take = (r: RunRandom, n: number, f: (r: RunRandom) => number): number[] => Array.from({ length: n }, () => f(r));

describe('RunRandom', () => {
  it('is xoshiro128**: the reference implementation from state (1, 2, 3, 4) gives these numbers', () => {
    // Output of the authors' C code (prng.di.unimi.it/xoshiro128starstar.c) from s = {1, 2, 3, 4}.
    const r = new RunRandom(0, 0);
    Object.assign(r, { s0: 1, s1: 2, s2: 3, s3: 4 });
    expect(take(r, 8, (x) => x.nextUint32())).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849]);
  });

  it('gives each (seed, run) its own stream, the same every time', () => {
    const a = take(new RunRandom(1, 0), 5, (r) => r.uniform());
    expect(take(new RunRandom(1, 0), 5, (r) => r.uniform())).toEqual(a);
    expect(take(new RunRandom(1, 1), 5, (r) => r.uniform())).not.toEqual(a);
    expect(take(new RunRandom(2, 0), 5, (r) => r.uniform())).not.toEqual(a);
  });

  it('draws uniforms strictly inside (0, 1) and standard normals with mean 0 and sd 1', () => {
    const r = new RunRandom(12345, 6);
    const u = take(r, 20_000, (x) => x.uniform());
    expect(u.every((x) => x > 0 && x < 1)).toBe(true);
    const mu = u.reduce((a, b) => a + b, 0) / u.length;
    // Standard error of the mean of U(0, 1) over 20,000: 0.002.
    expect(Math.abs(mu - 0.5)).toBeLessThan(0.01);
    const z = take(r, 20_000, (x) => x.normal());
    const m = z.reduce((a, b) => a + b, 0) / z.length;
    const sd = Math.sqrt(z.reduce((a, b) => a + (b - m) ** 2, 0) / (z.length - 1));
    expect(Math.abs(m)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
    // About 68.3 % within one sd.
    const within = z.filter((x) => Math.abs(x) < 1).length / z.length;
    expect(Math.abs(within - 0.6827)).toBeLessThan(0.015);
  });

  it('gives unrelated first draws for neighbouring runs (no visible correlation)', () => {
    const first = Array.from({ length: 5000 }, (_, run) => new RunRandom(1, run).uniform());
    let num = 0;
    let den = 0;
    const m = first.reduce((a, b) => a + b, 0) / first.length;
    for (let i = 0; i + 1 < first.length; i++) num += (first[i]! - m) * (first[i + 1]! - m);
    for (const x of first) den += (x - m) ** 2;
    // Lag-1 autocorrelation of independent draws: about ±0.03 (2/√5000).
    expect(Math.abs(num / den)).toBeLessThan(0.04);
  });
});
