/** Dutch renderings of exact numbers for explanations. */
import { Rational } from './rational.ts';

/** `formatWhole(13500)` → '13.500' */
export function formatWhole(n: number | bigint): string {
  return Rational.of(typeof n === 'bigint' ? n : BigInt(n)).toDecimalString(0);
}

/**
 * A quota for people to read: whole numbers as they are, otherwise two decimals, or more when two would make a
 * fraction look whole ('0,001', not '0,00'; '18,999', not '19,00'), so an explanation never seems to contradict
 * its rounding. `formatQuota(Rational.of(1847n, 100n))` → '18,47'
 */
export function formatQuota(q: Rational): string {
  return formatFraction(q.num, q.den);
}

/** `formatQuota` for num/den without normalising first (den > 0). `formatFraction(6n, 4n)` → '1,50' */
export function formatFraction(num: bigint, den: bigint): string {
  if (num % den === 0n) return Rational.decimal(num, den, 0);
  for (let digits = 2; digits <= 12; digits++) {
    const s = Rational.decimal(num, den, digits);
    if (!/,0+$/.test(s)) return s;
  }
  return `≈ ${Rational.decimal(num, den, 12)}`;
}

/** A divisor or other derived figure: up to `digits` decimals without trailing zeros. `formatDecimal(4213.5)` → '4.213,5' */
export function formatDecimal(q: Rational, digits = 4): string {
  return q.toDecimalString(digits, { trimZeros: true });
}
