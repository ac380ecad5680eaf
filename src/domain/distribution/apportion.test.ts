import { describe, expect, it } from 'vitest';
import { apportion, assignedById, type ApportionmentMethod } from './apportion.ts';
import { DistributionError } from './errors.ts';
import { Rational } from './rational.ts';

const byId = (r: ReturnType<typeof apportion>) => Object.fromEntries(assignedById(r));

// The textbook example (e.g. Wikipedia "Largest remainder method"): 100,000 votes, 10 seats.
const votes = { A: 47_000, B: 16_000, C: 15_800, D: 12_000, E: 6_100, F: 3_100 };

describe('largest remainder (Hamilton)', () => {
  it('hands the remainder seats to the largest remainders', () => {
    // Quotas 4,70 1,60 1,58 1,20 0,61 0,31 → floors 4 1 1 1 0 0 (7); the three largest remainders are
    // ,70 (A) ,61 (E) ,60 (B) → 5 2 1 1 1 0.
    const r = apportion(10, votes, 'largest-remainder');
    expect(byId(r)).toEqual({ A: 5, B: 2, C: 1, D: 1, E: 1, F: 0 });
    expect(r.remainderSeats).toBe(3);
    const a = r.areas.find((x) => x.id === 'A')!;
    expect(a.quota.equals(Rational.of(47n, 10n))).toBe(true);
    expect(a.quotaDecimal).toBe('4,70');
    expect(a.explanation).toBe('4,70 → 4 + 1 restzetel');
    expect(r.areas.find((x) => x.id === 'C')!.explanation).toBe('1,58 → 1');
    expect(r.tie).toBe(false);
  });

  it('breaks equal remainders by larger weight, then by lower code, whatever the input order', () => {
    // Quotas 0,5 and 1,5: equal remainders; B has the larger weight.
    expect(byId(apportion(2, { A: 1, B: 3 }, 'largest-remainder'))).toEqual({ A: 0, B: 2 });
    // Three equal quotas 2/3: equal remainders and weights; the lower codes win.
    const r = apportion(2, [{ id: 'C', weight: 1 }, { id: 'B', weight: 1 }, { id: 'A', weight: 1 }], 'largest-remainder');
    expect(byId(r)).toEqual({ A: 1, B: 1, C: 0 });
    expect(r.tie).toBe(true);
    expect(r.areas.find((x) => x.id === 'C')!.explanation).toMatch(/^0,67 → 0 \(gelijke stand; beslist op groter gewicht, daarna lagere code\)$/);
  });
});

describe('round-up (Huisvestingswet)', () => {
  it('rounds every quota up, so the sum may exceed the total', () => {
    // ⌈4,70⌉ ⌈1,60⌉ ⌈1,58⌉ ⌈1,20⌉ ⌈0,61⌉ ⌈0,31⌉ = 5 2 2 2 1 1 = 13.
    const r = apportion(10, votes, 'round-up');
    expect(byId(r)).toEqual({ A: 5, B: 2, C: 2, D: 2, E: 1, F: 1 });
    expect(r.assignedTotal).toBe(13);
    expect(r.excess).toBe(3);
    expect(r.areas[0]!.explanation).toBe('4,70 → 5 (naar boven afgerond)');
  });

  it('leaves whole quotas alone', () => {
    const r = apportion(10, { A: 1, B: 1 }, 'round-up');
    expect(byId(r)).toEqual({ A: 5, B: 5 });
    expect(r.areas[0]!.explanation).toBe('5 → 5');
  });
});

describe('divisor methods', () => {
  it("D'Hondt: 5 2 2 1 0 0 with a divisor between the 11th and 10th priority", () => {
    // Priorities w/(k+1): 47000 23500 16000 15800 15667 12000 11750 9400 8000 7900 | 7833 (A's 6th).
    const r = apportion(10, votes, 'dhondt');
    expect(byId(r)).toEqual({ A: 5, B: 2, C: 2, D: 1, E: 0, F: 0 });
    expect(r.divisorDecimal).toBe('7.900');
    expect(r.areas.find((x) => x.id === 'C')!.explanation).toBe('quotiënt 2 bij deler 7.900 → 2');
    expect(r.areas.find((x) => x.id === 'A')!.explanation).toBe('quotiënt 5,95 bij deler 7.900 → 5');
  });

  it('Sainte-Laguë: 4 2 2 1 1 0', () => {
    // Priorities w/(k+½): 94000 32000 31600 31333 24000 18800 13429 12200 10667 10533 | 10444 (A's 5th).
    const r = apportion(10, votes, 'sainte-lague');
    expect(byId(r)).toEqual({ A: 4, B: 2, C: 2, D: 1, E: 1, F: 0 });
    expect(r.divisorDecimal).toBe('10.500');
    expect(r.areas.find((x) => x.id === 'E')!.explanation).toBe('quotiënt 0,58 bij deler 10.500 → 1 (grens 0,5)');
  });

  it('Huntington–Hill: every area with weight first gets a seat, then the geometric means decide', () => {
    // Six first seats (priority ∞); then 47000/√2 = 33234, 47000/√6 = 19188, 47000/√12 = 13568,
    // 16000/√2 = 11314 | 15800/√2 = 11172 → A 4, B 2, the others 1.
    const r = apportion(10, votes, 'huntington-hill');
    expect(byId(r)).toEqual({ A: 4, B: 2, C: 1, D: 1, E: 1, F: 1 });
    expect(r.divisorDecimal).toBe('11.300');
    expect(r.areas.find((x) => x.id === 'C')!.explanation).toBe('quotiënt 1,40 bij deler 11.300 → 1 (grens √(1·2) ≈ 1,41)');
  });

  it('Huntington–Hill gives no free first seat to an area with weight 0', () => {
    const r = apportion(2, { A: 0, B: 5, C: 1 }, 'huntington-hill');
    expect(byId(r)).toEqual({ A: 0, B: 1, C: 1 });
    expect(r.areas[0]!.explanation).toBe('gewicht 0 → 0');
  });

  it('Huntington–Hill with fewer seats than areas: first seats by weight, then code', () => {
    const r = apportion(2, { D: 1, C: 1, B: 2, A: 1 }, 'huntington-hill');
    expect(byId(r)).toEqual({ A: 1, B: 1, C: 0, D: 0 });
    expect(r.divisor).toBeNull();
    expect(r.tie).toBe(true);
  });

  it('Huntington–Hill decides near-ties exactly where floats cannot (Pell numbers, weights near 2^48)', () => {
    // With x² − 3y² = 1, X's third seat (x/√6) beats Y's second (y/√2): 2x² = 6y² + 2. In floats both
    // sides round to the same value. With x² − 3y² = −2 it is the other way round: 2x² = 6y² − 4.
    const [x1, y1] = [371_198_523_608_647, 214_311_567_528_244];
    expect(BigInt(x1) ** 2n - 3n * BigInt(y1) ** 2n).toBe(1n);
    expect(byId(apportion(4, { X: x1, Y: y1 }, 'huntington-hill'))).toEqual({ X: 3, Y: 1 });
    const [x2, y2] = [271_736_178_976_085, 156_886_956_080_403];
    expect(BigInt(x2) ** 2n - 3n * BigInt(y2) ** 2n).toBe(-2n);
    expect(2 * x2 * x2 - 6 * y2 * y2).toBe(0); // the float view: a tie
    expect(byId(apportion(4, { X: x2, Y: y2 }, 'huntington-hill'))).toEqual({ X: 2, Y: 2 });
  });

  it("breaks equal priorities by larger weight, then lower code (D'Hondt)", () => {
    // Second seat: A's priority 2/2 = 1 equals B's 1/1; A has the larger weight.
    expect(byId(apportion(2, { B: 1, A: 2 }, 'dhondt'))).toEqual({ A: 2, B: 0 });
    expect(byId(apportion(1, { B: 1, A: 1 }, 'dhondt'))).toEqual({ A: 1, B: 0 });
    expect(byId(apportion(1, { A: 1, B: 1 }, 'dhondt'))).toEqual({ A: 1, B: 0 });
  });

  it('lets one area take several of the seats missing after the first divisor', () => {
    // Weights 1000 and 100 × 9: one area must collect every seat; no single sort of next seats finds that.
    const weights = [{ id: 'big', weight: 1000 }, ...Array.from({ length: 100 }, (_, i) => ({ id: `s${String(i).padStart(3, '0')}`, weight: 9 }))];
    const r = apportion(19, weights, 'dhondt');
    expect(r.areas[0]!.assigned).toBe(19);
    expect(r.assignedTotal).toBe(19);
  });
});

describe('edge cases and errors', () => {
  const methods: ApportionmentMethod[] = ['round-up', 'largest-remainder', 'dhondt', 'sainte-lague', 'huntington-hill'];

  it.each(methods)('%s: total 0 gives zeros; weight 0 gives 0', (method) => {
    expect(byId(apportion(0, { A: 3, B: 0 }, method))).toEqual({ A: 0, B: 0 });
    expect(apportion(5, { A: 3, B: 0 }, method).areas[1]!.assigned).toBe(0);
    expect(byId(apportion(0, { A: 0 }, method))).toEqual({ A: 0 });
  });

  it.each(methods)('%s: weights adding up to 0 with a positive total is a typed error', (method) => {
    const run = () => apportion(5, { A: 0, B: 0 }, method);
    expect(run).toThrow(DistributionError);
    expect(run).toThrow('De gewichten tellen op tot 0; er valt niets te verdelen.');
    try {
      run();
    } catch (e) {
      expect((e as DistributionError).code).toBe('gewichten-nul');
      expect((e as DistributionError).field).toBe('weights');
    }
    expect(() => apportion(1, [], method)).toThrow(expect.objectContaining({ code: 'gewichten-nul' }));
  });

  it('refuses bad input with stable codes', () => {
    expect(() => apportion(-1, { A: 1 }, 'dhondt')).toThrow(expect.objectContaining({ code: 'totaal-ongeldig' }));
    expect(() => apportion(1.5, { A: 1 }, 'dhondt')).toThrow(expect.objectContaining({ code: 'totaal-ongeldig' }));
    expect(() => apportion(1, { A: -1 }, 'dhondt')).toThrow(expect.objectContaining({ code: 'gewicht-ongeldig', areaIds: ['A'] }));
    expect(() => apportion(1, { A: 0.5 }, 'dhondt')).toThrow(expect.objectContaining({ code: 'gewicht-ongeldig' }));
    expect(() => apportion(1, [{ id: 'A', weight: 1 }, { id: 'A', weight: 2 }], 'dhondt')).toThrow(expect.objectContaining({ code: 'gebied-dubbel' }));
    expect(() => apportion(1, { A: 1 }, 'bogus' as ApportionmentMethod)).toThrow(expect.objectContaining({ code: 'methode-onbekend' }));
  });

  it('takes rational and bigint weights exactly', () => {
    // 1/3 : 2/3 of 10 → 3,33 and 6,67.
    const r = apportion(10, { A: Rational.of(1n, 3n), B: Rational.of(2n, 3n) }, 'largest-remainder');
    expect(byId(r)).toEqual({ A: 3, B: 7 });
    expect(r.areas[0]!.quota.toString()).toBe('10/3');
    expect(r.weightSum.equals(Rational.ONE)).toBe(true);
    // Weights far beyond 2^53 that differ only in the last digit still give the exact remainders.
    const huge = 10n ** 30n;
    expect(byId(apportion(1, { A: huge, B: huge + 1n }, 'largest-remainder'))).toEqual({ A: 0, B: 1 });
    expect(byId(apportion(1, { A: huge + 1n, B: huge }, 'huntington-hill'))).toEqual({ A: 1, B: 0 });
  });
});

describe('floors and caps', () => {
  it('largest remainder: fixes a floor and shares the rest again', () => {
    // Quotas 1, 4,5, 4,5; A needs 3: the other two share 7 → 3,5 each → equal remainders, B wins on code.
    const r = apportion(10, { A: 2, B: 9, C: 9 }, 'largest-remainder', { floors: { A: 3 } });
    expect(byId(r)).toEqual({ A: 3, B: 4, C: 3 });
    expect(r.areas[0]!.bound).toBe('minimum');
    expect(r.areas[0]!.explanation).toBe('1 → 3 (minimum)');
    expect(r.areas[1]!.explanation).toMatch(/^4,50 \(na minima en maxima 3,50\) → 3 \+ 1 restzetel/);
  });

  it("fixes caps before floors when the caps free more than the floors need, so a floor doesn't stick needlessly", () => {
    // Quotas 8, 1, 1. Cap A at 4: 6 go to B and C (3 each), so C's floor 2 is met without fixing it.
    const r = apportion(10, { A: 8, B: 1, C: 1 }, 'largest-remainder', { caps: { A: 4 }, floors: { C: 2 } });
    expect(byId(r)).toEqual({ A: 4, B: 3, C: 3 });
    expect(r.areas[2]!.bound).toBeNull();
  });

  it("D'Hondt with floor and cap: the constrained divisor method", () => {
    const r = apportion(10, { A: 100, B: 1, C: 1 }, 'dhondt', { floors: { B: 3 }, caps: { A: 5 } });
    expect(byId(r)).toEqual({ A: 5, B: 3, C: 2 });
    expect(r.areas[0]!.bound).toBe('maximum');
    expect(r.areas[1]!.bound).toBe('minimum');
    expect(r.areas[0]!.explanation).toMatch(/verlaagd tot het maximum: 5$/);
  });

  it('refuses infeasible combinations with a Dutch reason', () => {
    expect(() => apportion(5, { A: 1, B: 1 }, 'largest-remainder', { floors: { A: 3, B: 3 } })).toThrow(
      expect.objectContaining({ code: 'minima-boven-totaal', message: expect.stringContaining('De minima tellen samen op tot 6, meer dan het totaal van 5') }),
    );
    expect(() => apportion(5, { A: 1, B: 1 }, 'dhondt', { caps: { A: 2, B: 2 } })).toThrow(expect.objectContaining({ code: 'maxima-onder-totaal' }));
    expect(() => apportion(5, { A: 1, B: 0 }, 'dhondt', { caps: { A: 2 } })).toThrow(expect.objectContaining({ code: 'maxima-onder-totaal' }));
    expect(() => apportion(5, { A: 1 }, 'dhondt', { floors: { A: 3 }, caps: { A: 2 } })).toThrow(expect.objectContaining({ code: 'minimum-boven-maximum' }));
    expect(() => apportion(5, { A: 1 }, 'dhondt', { floors: { Z: 1 } })).toThrow(expect.objectContaining({ code: 'gebied-onbekend', areaIds: ['Z'] }));
    expect(() => apportion(5, { A: 1 }, 'dhondt', { caps: { A: -1 } })).toThrow(expect.objectContaining({ code: 'maximum-ongeldig' }));
  });
});

describe('results', () => {
  it('serialise to JSON with exact fractions as text', () => {
    const r = apportion(10, { A: 1, B: 2 }, 'largest-remainder');
    const json = JSON.parse(JSON.stringify(r)) as { areas: { id: string; quota: string; assigned: number; explanation: string }[]; weightSum: string };
    expect(json.weightSum).toBe('3');
    expect(json.areas[0]).toMatchObject({ id: 'A', quota: '10/3', assigned: 3, explanation: '3,33 → 3' });
  });
});

describe('assignedNumbers', () => {
  it('holds the same whole numbers as the area objects, in input order, as a copy', () => {
    const r = apportion(10, { A: 5, B: 3, C: 2 }, 'sainte-lague');
    expect([...r.assignedNumbers]).toEqual(r.areas.map((a) => a.assigned));
    r.assignedNumbers[0] = 99;
    expect(r.assignedNumbers[0]).toBe(r.areas[0]!.assigned);
    expect(r.areas).toBe(r.areas); // made once
  });
});
