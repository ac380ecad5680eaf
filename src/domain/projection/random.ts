/**
 * Seeded randomness for the Monte Carlo runs. Every run has its own stream, derived from (seed, run index) alone,
 * so run r draws the same numbers however many runs there are and however the runs are split over workers, and
 * two scenarios projected with the same seed share their draws run by run (common random numbers).
 *
 * Generator: xoshiro128** (Blackman & Vigna), state filled by splitmix32 from a hash of seed and run index.
 * Normals: Box–Muller, both values of each pair used in order. V8 computes Math.log/cos/sin with its own fdlibm
 * port, so the draws are the same on every platform Node runs on.
 */

/** Finaliser of a 32-bit hash (Wellons' lowbias32): nearby inputs give unrelated outputs. */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x21f0aaad);
  x = Math.imul(x ^ (x >>> 15), 0x735a2d97);
  return (x ^ (x >>> 15)) >>> 0;
}

const TWO_PI = 2 * Math.PI;
const TWO_POW_32 = 4294967296;

/**
 * The random stream of one run. `new RunRandom(1, 0).uniform()` is in (0, 1) and the same on every call
 * sequence for seed 1, run 0.
 */
export class RunRandom {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number, run: number) {
    // splitmix32 over a start that mixes the seed first, so run r of seed s and run r+1 of seed s−1 do not meet.
    let z = (mix32(seed >>> 0) + Math.imul(run >>> 0, 0x9e3779b9)) >>> 0;
    const next = (): number => {
      z = (z + 0x9e3779b9) >>> 0;
      return mix32(z);
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    // xoshiro's only forbidden state; splitmix32 practically never yields it, but never is cheaper than practically.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in the open interval (0, 1): never 0, so log(u) in Box–Muller is finite. */
  uniform(): number {
    return (this.nextUint32() + 0.5) / TWO_POW_32;
  }

  /** Standard normal (mean 0, sd 1). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const r = Math.sqrt(-2 * Math.log(this.uniform()));
    const theta = TWO_PI * this.uniform();
    this.spare = r * Math.sin(theta);
    this.hasSpare = true;
    return r * Math.cos(theta);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
