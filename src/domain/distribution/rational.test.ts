import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gcd, isqrt, lcm, Rational } from './rational.ts';

describe('Rational', () => {
  it('normalises by the gcd and keeps the sign in the numerator', () => {
    const r = Rational.of(6n, -4n);
    expect([r.num, r.den]).toEqual([-3n, 2n]);
    expect(Rational.of(0n, 5n).equals(Rational.ZERO)).toBe(true);
    expect(() => Rational.of(1n, 0n)).toThrow(RangeError);
  });

  it('reads decimals as the decimal written, not the nearest float', () => {
    expect(Rational.from(0.35).toString()).toBe('7/20');
    expect(Rational.from('0,35').toString()).toBe('7/20');
    expect(Rational.from('2/3').toString()).toBe('2/3');
    expect(Rational.from('1e3').toString()).toBe('1000');
    expect(Rational.from(1e21).toString()).toBe('1000000000000000000000');
    expect(Rational.from(0.1).add(Rational.from(0.2)).equals(Rational.from(0.3))).toBe(true);
    expect(Rational.tryFrom('abc')).toBeNull();
    expect(Rational.tryFrom('1/0')).toBeNull();
    expect(Rational.tryFrom(Number.NaN)).toBeNull();
  });

  it('adds, multiplies, compares, floors and ceils exactly', () => {
    const third = Rational.of(1n, 3n);
    expect(third.add(third).add(third).equals(Rational.ONE)).toBe(true);
    expect(third.mul(Rational.of(3n)).equals(Rational.ONE)).toBe(true);
    expect(third.compare(Rational.of(1n, 2n))).toBe(-1);
    expect(Rational.of(-7n, 2n).floor()).toBe(-4n);
    expect(Rational.of(-7n, 2n).ceil()).toBe(-3n);
    expect(Rational.of(7n, 2n).ceil()).toBe(4n);
    expect(Rational.of(8n, 2n).ceil()).toBe(4n);
  });

  it('renders Dutch decimals, rounded half away from zero', () => {
    expect(Rational.of(84270n, 20n).toDecimalString(1)).toBe('4.213,5');
    expect(Rational.of(1847n, 100n).toDecimalString(2)).toBe('18,47');
    expect(Rational.of(2n, 3n).toDecimalString(2)).toBe('0,67');
    expect(Rational.of(1n, 8n).toDecimalString(2)).toBe('0,13');
    expect(Rational.of(-1n, 8n).toDecimalString(2)).toBe('-0,13');
    expect(Rational.of(13500n).toDecimalString(0)).toBe('13.500');
    expect(Rational.of(13500n).toDecimalString(2, { grouping: false })).toBe('13500,00');
    expect(Rational.of(21n, 5n).toDecimalString(4, { trimZeros: true })).toBe('4,2');
  });

  it('gcd, lcm and isqrt agree with their definitions (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 40n }), fc.bigInt({ min: 1n, max: 10n ** 20n }), (a, b) => {
        const g = gcd(a, b);
        expect(a % g).toBe(0n);
        expect(b % g).toBe(0n);
        expect(gcd(a / g, b / g)).toBe(1n);
        if (a > 0n) expect(lcm(a, b) * g).toBe(a * b);
        const r = isqrt(a);
        expect(r * r <= a && (r + 1n) * (r + 1n) > a).toBe(true);
      }),
    );
  });

  it('compare agrees with subtraction (property)', () => {
    const arb = fc.record({ n: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), d: fc.bigInt({ min: 1n, max: 10n ** 30n }) }).map(({ n, d }) => Rational.of(n, d));
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        expect(a.compare(b)).toBe(a.sub(b).sign());
        expect(a.sub(b).add(b).equals(a)).toBe(true);
        expect(a.floor() <= a.ceil() && a.ceil() - a.floor() === (a.isInteger() ? 0n : 1n)).toBe(true);
      }),
    );
  });
});
