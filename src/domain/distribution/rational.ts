/**
 * Exact fractions on bigint. Quotas are compared and rounded exactly: a population of 17 million times a total
 * of 51,000 already exceeds 2^53, so a float could put a quota on the wrong side of a whole number.
 */

/** What callers may hand in where a fraction is expected: `3`, `3n`, `'0,35'`, `'0.35'`, `'2/3'` or a `Rational`. */
export type RationalInput = Rational | bigint | number | string;

function abs(a: bigint): bigint {
  return a < 0n ? -a : a;
}

/** Greatest common divisor; `gcd(0n, 0n)` is 0. */
export function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Least common multiple of positive numbers: `lcm(4n, 6n)` → 12n. */
export function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

/** Floor of the square root of a non-negative bigint: `isqrt(99n)` → 9n. */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError('wortel van een negatief getal');
  if (n < 2n) return n;
  // Newton's method from a start above the root decreases monotonically to the floor of the root.
  let x = 1n << BigInt((n.toString(2).length >> 1) + 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** Floor division for bigint (bigint `/` truncates towards zero). */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

const DECIMAL = /^([+-]?)(\d*)(?:[.,](\d*))?(?:[eE]([+-]?\d+))?$/;
const FRACTION = /^([+-]?\d+)\s*\/\s*(\d+)$/;

/** Groups the digits of a non-negative integer string the Dutch way: '13500' → '13.500'. */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** An exact fraction num/den, always normalised: den > 0 and gcd(num, den) = 1. */
export class Rational {
  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  /** `Rational.of(6n, 4n)` → 3/2. Throws RangeError on a zero denominator (a programming error, not input). */
  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    let n = typeof num === 'bigint' ? num : BigInt(num);
    let d = typeof den === 'bigint' ? den : BigInt(den);
    if (d === 0n) throw new RangeError('noemer is 0');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    if (d === 1n) return new Rational(n, 1n);
    const g = gcd(n, d);
    return g === 1n ? new Rational(n, d) : new Rational(n / g, d / g);
  }

  /**
   * Reads a number exactly; null when it is not one. Decimals are taken as the decimal they are written as,
   * so `0.35` (a float) and `'0,35'` both give 7/20, never the binary float nearest to 0.35.
   * `Rational.tryFrom('2/3')` → 2/3; `Rational.tryFrom('abc')` → null.
   */
  static tryFrom(value: RationalInput): Rational | null {
    if (value instanceof Rational) return value;
    if (typeof value === 'bigint') return new Rational(value, 1n);
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return null;
      if (Number.isSafeInteger(value)) return new Rational(BigInt(value), 1n);
      // String(x) is the shortest decimal that reads back as x: the decimal the caller wrote.
      return Rational.tryFrom(String(value));
    }
    const text = value.trim();
    const fraction = FRACTION.exec(text);
    if (fraction) {
      const den = BigInt(fraction[2]!);
      return den === 0n ? null : Rational.of(BigInt(fraction[1]!), den);
    }
    const m = DECIMAL.exec(text);
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
    const frac = m[3] ?? '';
    let num = BigInt(`${m[2] || '0'}${frac}`);
    let den = 10n ** BigInt(frac.length);
    const exp = m[4] === undefined ? 0 : Number(m[4]);
    if (Math.abs(exp) > 1000) return null;
    if (exp > 0) num *= 10n ** BigInt(exp);
    if (exp < 0) den *= 10n ** BigInt(-exp);
    return Rational.of(m[1] === '-' ? -num : num, den);
  }

  /** Like `tryFrom`, but throws a RangeError on text that is not a number. `Rational.from(0.35)` → 7/20. */
  static from(value: RationalInput): Rational {
    const r = Rational.tryFrom(value);
    if (r === null) throw new RangeError(`geen getal: ${String(value)}`);
    return r;
  }

  /** `Rational.sum([Rational.of(1n, 3n), Rational.of(2n, 3n)])` → 1 */
  static sum(values: Iterable<Rational>): Rational {
    let acc = Rational.ZERO;
    for (const v of values) acc = acc.add(v);
    return acc;
  }

  add(o: Rational): Rational {
    if (this.den === o.den) return Rational.of(this.num + o.num, this.den);
    return Rational.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }

  sub(o: Rational): Rational {
    return this.add(o.neg());
  }

  mul(o: Rational): Rational {
    return Rational.of(this.num * o.num, this.den * o.den);
  }

  /** Throws RangeError when dividing by zero. */
  div(o: Rational): Rational {
    if (o.num === 0n) throw new RangeError('deling door 0');
    return Rational.of(this.num * o.den, this.den * o.num);
  }

  neg(): Rational {
    return new Rational(-this.num, this.den);
  }

  /** -1, 0 or 1. `Rational.of(1n, 3n).compare(Rational.of(1n, 2n))` → -1 */
  compare(o: Rational): -1 | 0 | 1 {
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  equals(o: Rational): boolean {
    return this.num === o.num && this.den === o.den;
  }

  sign(): -1 | 0 | 1 {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }

  isZero(): boolean {
    return this.num === 0n;
  }

  isInteger(): boolean {
    return this.den === 1n;
  }

  /** `Rational.of(-7n, 2n).floor()` → -4n */
  floor(): bigint {
    return floorDiv(this.num, this.den);
  }

  /** `Rational.of(7n, 2n).ceil()` → 4n */
  ceil(): bigint {
    return -floorDiv(-this.num, this.den);
  }

  /** Nearest float; for display and sorting in user interfaces only, never for decisions. */
  toNumber(): number {
    const n = Number(this.num) / Number(this.den);
    if (Number.isFinite(n)) return n;
    // Both parts beyond the float range: scale down first.
    const shift = BigInt(Math.max(this.num.toString(2).length, this.den.toString(2).length) - 1000);
    return Number(this.num >> shift) / Number(this.den >> shift);
  }

  /**
   * Dutch decimal notation, rounded half away from zero to `digits` decimals, with thousands grouped by dots.
   * `Rational.of(84270n, 20n).toDecimalString(1)` → '4.213,5'; with `{ trimZeros: true }` trailing zeros go.
   */
  toDecimalString(digits: number, options: { grouping?: boolean; trimZeros?: boolean } = {}): string {
    return Rational.decimal(this.num, this.den, digits, options);
  }

  /**
   * `toDecimalString` for a fraction that need not be normalised (den > 0): explanations of keys with thousands of
   * digits skip the gcd. `Rational.decimal(6n, 4n, 1)` → '1,5'
   */
  static decimal(num: bigint, den: bigint, digits: number, options: { grouping?: boolean; trimZeros?: boolean } = {}): string {
    if (!Number.isInteger(digits) || digits < 0) throw new RangeError('aantal decimalen moet een geheel getal ≥ 0 zijn');
    if (den <= 0n) throw new RangeError('noemer moet positief zijn');
    const scale = 10n ** BigInt(digits);
    const a = abs(num) * scale;
    let q = a / den;
    if ((a % den) * 2n >= den) q += 1n;
    const s = q.toString().padStart(digits + 1, '0');
    const intPart = s.slice(0, s.length - digits);
    let fracPart = s.slice(s.length - digits);
    if (options.trimZeros) fracPart = fracPart.replace(/0+$/, '');
    const sign = num < 0n && q !== 0n ? '-' : '';
    const grouped = options.grouping === false ? intPart : groupThousands(intPart);
    return `${sign}${grouped}${fracPart ? `,${fracPart}` : ''}`;
  }

  /** 'num/den', or 'num' for a whole number: `String(Rational.of(2n, 3n))` → '2/3'. */
  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }

  /** JSON cannot carry bigint: a fraction is serialised as its exact text, e.g. '2/3'. */
  toJSON(): string {
    return this.toString();
  }
}
