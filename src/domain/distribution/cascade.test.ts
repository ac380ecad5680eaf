import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ApportionmentMethod } from './apportion.ts';
import { cascade, type CascadeNode } from './cascade.ts';
import { presetKey } from './key.ts';

const pop = presetKey('population');
const node = (id: string, population: number, children?: CascadeNode[]): CascadeNode => ({ id, values: { population }, ...(children ? { children } : {}) });

describe('cascade', () => {
  it("divides each province's whole number, not the national quota", () => {
    // 51 over P1 (60) and P2 (40): 30,6 and 20,4 → 31 and 20. P1's 31 over 40:20 → 20,67 and 10,33 → 21 and 10
    // (from the national quota m1 would have had 20,4 → 20). P2's 20 over 25:15 → 12,5 and 7,5: equal remainders,
    // m3 has the larger weight → 13 and 7.
    const tree: CascadeNode = {
      id: 'NL',
      children: [node('P1', 60, [node('m1', 40), node('m2', 20)]), node('P2', 40, [node('m3', 25), node('m4', 15)])],
    };
    const r = cascade(51, tree, 'largest-remainder', pop);
    expect(r.root.children.map((c) => [c.id, c.assigned])).toEqual([
      ['P1', 31],
      ['P2', 20],
    ]);
    expect(r.leaves.map((l) => [l.id, l.parentId, l.assigned])).toEqual([
      ['m1', 'P1', 21],
      ['m2', 'P1', 10],
      ['m3', 'P2', 13],
      ['m4', 'P2', 7],
    ]);
    expect(r.leaves[0]!.explanation).toBe('aandeel 66,6667 %; 20,67 → 20 + 1 restzetel (van P1)');
  });

  it('uses a method and key per level, and refuses a missing level', () => {
    const tree: CascadeNode = { id: 'NL', children: [node('P1', 1, [node('m1', 1), node('m2', 1)]), node('P2', 1, [node('m3', 1)])] };
    const r = cascade(3, tree, ['largest-remainder', 'round-up'], [pop, pop]);
    // P1 gets 2 (tie on code), then round-up 1 + 1; P2 1.
    expect(r.leaves.map((l) => l.assigned)).toEqual([1, 1, 1]);
    expect(() => cascade(3, tree, ['largest-remainder'], pop)).toThrow(expect.objectContaining({ code: 'niveau-zonder-sleutel', field: 'methodPerLevel' }));
    expect(() => cascade(3, { id: 'NL', children: [node('X', 1), node('X', 2)] }, 'dhondt', pop)).toThrow(expect.objectContaining({ code: 'gebied-dubbel' }));
  });

  it('leaves add up to the root for every total-preserving method (property)', () => {
    const methods: ApportionmentMethod[] = ['largest-remainder', 'dhondt', 'sainte-lague', 'huntington-hill'];
    const tree = fc
      .array(fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 })
      .map((provinces): CascadeNode => ({
        id: 'NL',
        children: provinces.map((ms, p) => node(`P${p}`, ms.reduce((a, b) => a + b, 0), ms.map((v, m) => node(`P${p}M${m}`, v)))),
      }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), tree, fc.constantFrom(...methods), fc.constantFrom(...methods), (total, t, m1, m2) => {
        const r = cascade(total, t, [m1, m2], pop);
        expect(r.leaves.reduce((s, l) => s + l.assigned, 0)).toBe(total);
        for (const p of r.root.children) expect(p.children.reduce((s, c) => s + c.assigned, 0)).toBe(p.assigned);
      }),
      { numRuns: 200 },
    );
  });
});
