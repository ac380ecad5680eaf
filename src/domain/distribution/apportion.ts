/**
 * Apportionment: turning a total and weights into whole numbers per area, exactly.
 *
 * Every method works on integer weights: rational weights are scaled by the least common multiple of their
 * denominators first, which changes no quota. When all numbers provably stay below 2^53 the hot loops run on
 * floats holding exact integers (sums, products and `%` of such integers are exact); otherwise on bigint. Priority
 * comparisons that need squares (Huntington–Hill) use floats only when the difference is far above the rounding
 * error and fall back to bigint on near-ties, so no decision rests on a rounded value.
 */
import { DistributionError } from './errors.ts';
import { formatDecimal, formatFraction, formatWhole } from './format.ts';
import { isqrt, lcm, Rational } from './rational.ts';

export type ApportionmentMethod = 'round-up' | 'largest-remainder' | 'dhondt' | 'sainte-lague' | 'huntington-hill';

export const APPORTIONMENT_METHODS: readonly ApportionmentMethod[] = [
  'round-up',
  'largest-remainder',
  'dhondt',
  'sainte-lague',
  'huntington-hill',
];

/** Dutch names for explanations. */
export const METHOD_NAMES: Readonly<Record<ApportionmentMethod, string>> = {
  'round-up': 'naar boven afronden (Huisvestingswet)',
  'largest-remainder': 'grootste overschot (Hamilton/Hare-Niemeyer)',
  dhondt: "D'Hondt",
  'sainte-lague': 'Sainte-Laguë',
  'huntington-hill': 'Huntington-Hill',
};

/** A non-negative weight: a safe integer, a bigint or an exact fraction. */
export type Weight = number | bigint | Rational;

export interface AreaWeight {
  readonly id: string;
  readonly weight: Weight;
}

export type WeightsInput = readonly AreaWeight[] | ReadonlyMap<string, Weight> | Readonly<Record<string, Weight>>;

/** Whole numbers per area id. */
export type BoundsInput = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

export interface ApportionOptions {
  /** Minimum whole number per area. */
  readonly floors?: BoundsInput | undefined;
  /** Maximum whole number per area. */
  readonly caps?: BoundsInput | undefined;
  /**
   * Divisor methods: express the divisor in units of the weights (default; e.g. inhabitants per seat) or of the
   * quotas (then it lies near 1 and the quotient is quota ÷ divisor) — better for keys, whose weights are
   * abstract.
   */
  readonly divisorUnit?: 'weight' | 'quota' | undefined;
}

export interface ApportionedArea {
  readonly id: string;
  /** The weight as given (rational). */
  readonly weight: Rational;
  /** Exact quota: total × weight / sum of weights. */
  readonly quota: Rational;
  /** The quota in Dutch notation, e.g. '18,47'. */
  readonly quotaDecimal: string;
  /** The whole number assigned. */
  readonly assigned: number;
  /** Largest remainder: whether the area got one of the remainder seats. */
  readonly remainderSeat: boolean;
  /** Whether a floor ('minimum') or cap ('maximum') decided the number. */
  readonly bound: 'minimum' | 'maximum' | null;
  /** Whether the area stood equal with another at the cut-off, so the tie-break rule decided. */
  readonly tieBreak: boolean;
  /** Why the area got this number, in Dutch, e.g. '18,47 → 18 + 1 restzetel'. */
  readonly explanation: string;
  /** A plain object for JSON (the fields above are computed on demand). */
  toJSON(): Record<string, unknown>;
}

export interface Apportionment {
  readonly method: ApportionmentMethod;
  readonly total: number;
  /** Sum of the assigned numbers: equals `total` except with round-up. */
  readonly assignedTotal: number;
  /** `assignedTotal - total`: 0 except with round-up (0 ≤ excess < number of areas with a fractional quota). */
  readonly excess: number;
  readonly weightSum: Rational;
  /**
   * Divisor methods: a divisor at which every area's rounded quotient is its number, in units of the weights
   * (e.g. inhabitants per seat) or, with `divisorUnit: 'quota'`, of the quotas (near 1).
   */
  readonly divisor: Rational | null;
  readonly divisorDecimal: string | null;
  /** Largest remainder: number of remainder seats handed out. */
  readonly remainderSeats: number;
  /** Whether a tie at the cut-off was decided by the tie-break rule. */
  readonly tie: boolean;
  readonly explanation: string;
  /** In input order; the numbers do not depend on that order. Built on first access (one object per area). */
  readonly areas: readonly ApportionedArea[];
  /**
   * The whole numbers alone, in input order, without an object per area: what a caller that handles a
   * very large number of areas reads (a copy; changing it changes nothing).
   */
  readonly assignedNumbers: Float64Array;
}

// ---------------------------------------------------------------------------------------------------------------
// Preparation

const TWO53 = 2 ** 53;
const FLAG_REMAINDER = 1;
const FLAG_TIE = 2;
const FLAG_MIN = 4;
const FLAG_MAX = 8;

interface Ctx {
  method: ApportionmentMethod;
  T: number;
  n: number;
  ids: string[];
  given: Weight[];
  /** Float path: integer weights held exactly in doubles; bigint path: `wb`. */
  big: boolean;
  wn: Float64Array;
  wb: bigint[];
  W: bigint;
  /** Scaled weight = given weight × scale. */
  scale: bigint;
  lo: Float64Array | null;
  hi: Float64Array | null;
  seats: Float64Array;
  flags: Uint8Array;
  /** Quota methods under floors/caps: what was left (R) for the free areas and their weight (Wf). */
  adjusted: { R: bigint; Wf: bigint } | null;
  remainderSeats: number;
  tie: boolean;
  divisor: Rational | null;
  /** Display unit of priorities and divisor per scaled weight: 1/scale (weights) or T/W (quotas). */
  unit: Rational;
  unitIsQuota: boolean;
  divisorText: string;
}

function methodCheck(method: string): asserts method is ApportionmentMethod {
  if (!(APPORTIONMENT_METHODS as readonly string[]).includes(method)) {
    throw new DistributionError('methode-onbekend', `Onbekende verdeelmethode '${method}'; kies uit ${APPORTIONMENT_METHODS.join(', ')}.`, {
      field: 'method',
    });
  }
}

function totalCheck(total: number, field = 'total'): void {
  if (!Number.isSafeInteger(total) || total < 0) {
    throw new DistributionError('totaal-ongeldig', `Het totaal moet een geheel getal van 0 of meer zijn (niet ${String(total)}).`, { field });
  }
}

/**
 * The first code that occurs twice, or null. An open-addressing table of indices keyed by a string hash: a
 * `Set` of a million fresh strings costs about twice a native sort of a million numbers, this a fraction.
 */
function firstDuplicate(ids: readonly string[]): string | null {
  const n = ids.length;
  let cap = 16;
  while (cap < 2 * n) cap *= 2;
  const mask = cap - 1;
  const table = new Int32Array(cap).fill(-1);
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    let h = 0x811c9dc5;
    for (let c = 0; c < id.length; c++) h = Math.imul(h ^ id.charCodeAt(c), 0x01000193);
    let slot = h & mask;
    for (;;) {
      const j = table[slot]!;
      if (j < 0) {
        table[slot] = i;
        break;
      }
      if (ids[j] === id) return id;
      slot = (slot + 1) & mask;
    }
  }
  return null;
}

function entriesOf(weights: WeightsInput): { ids: string[]; given: Weight[] } {
  let ids: string[] = [];
  let given: Weight[] = [];
  if (Array.isArray(weights)) {
    const list = weights as readonly AreaWeight[];
    ids = new Array<string>(list.length);
    given = new Array<Weight>(list.length);
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      ids[i] = e.id;
      given[i] = e.weight;
    }
  } else if (weights instanceof Map) {
    for (const [id, w] of weights as ReadonlyMap<string, Weight>) {
      ids.push(id);
      given.push(w);
    }
  } else {
    for (const [id, w] of Object.entries(weights as Readonly<Record<string, Weight>>)) {
      ids.push(id);
      given.push(w);
    }
  }
  for (const id of ids) {
    if (typeof id !== 'string' || id === '') {
      throw new DistributionError('gebied-ongeldig', 'Elk gebied heeft een code nodig (een niet-lege tekst).', { field: 'weights' });
    }
  }
  const dup = firstDuplicate(ids);
  if (dup !== null) throw new DistributionError('gebied-dubbel', `Gebied ${dup} komt meer dan eens voor.`, { field: 'weights', areaIds: [dup] });
  return { ids, given };
}

function badWeight(id: string, w: Weight): DistributionError {
  const negative = (typeof w === 'number' && w < 0) || (typeof w === 'bigint' && w < 0n) || (w instanceof Rational && w.sign() < 0);
  const message = negative
    ? `Het gewicht van ${id} is negatief (${String(w)}).`
    : `Het gewicht van ${id} is geen geheel getal van 0 of meer (${String(w)}); geef een niet-geheel gewicht als breuk.`;
  return new DistributionError('gewicht-ongeldig', message, { field: 'weights', areaIds: [id] });
}

/** Whether all integer arithmetic of every method stays exact in doubles for these sizes. */
function fitsFloat(maxW: number, W: number, T: number, n: number): boolean {
  return Number.isSafeInteger(W) && 2 * W <= TWO53 && maxW * (2 * T + 2 * n + 8) <= TWO53;
}

function boundsOf(input: BoundsInput | undefined, index: ReadonlyMap<string, number>, kind: 'floors' | 'caps', n: number): Float64Array | null {
  if (input === undefined) return null;
  const entries = input instanceof Map ? [...(input as ReadonlyMap<string, number>)] : Object.entries(input as Readonly<Record<string, number>>);
  if (entries.length === 0) return null;
  const arr = new Float64Array(n).fill(kind === 'floors' ? 0 : Infinity);
  const label = kind === 'floors' ? 'minimum' : 'maximum';
  for (const [id, v] of entries) {
    const i = index.get(id);
    if (i === undefined) {
      throw new DistributionError('gebied-onbekend', `Er is een ${label} opgegeven voor ${id}, maar dat gebied doet niet mee.`, { field: kind, areaIds: [id] });
    }
    if (!Number.isSafeInteger(v) || v < 0) {
      throw new DistributionError(kind === 'floors' ? 'minimum-ongeldig' : 'maximum-ongeldig', `Het ${label} van ${id} moet een geheel getal van 0 of meer zijn (niet ${String(v)}).`, {
        field: kind,
        areaIds: [id],
      });
    }
    arr[i] = v;
  }
  return arr;
}

function prepare(total: number, weights: WeightsInput, method: ApportionmentMethod, options: ApportionOptions): Ctx {
  methodCheck(method);
  totalCheck(total);
  const { ids, given } = entriesOf(weights);
  const n = ids.length;
  const T = total;
  let big = false;
  let wn = new Float64Array(n);
  let wb: bigint[] = [];
  let W = 0n;
  let scale = 1n;

  let allNumbers = true;
  let sum = 0;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const w = given[i]!;
    if (typeof w === 'number') {
      if (!Number.isSafeInteger(w) || w < 0) throw badWeight(ids[i]!, w);
      wn[i] = w;
      sum += w;
      if (w > max) max = w;
    } else {
      allNumbers = false;
    }
  }
  if (allNumbers && fitsFloat(max, sum, T, n)) {
    W = BigInt(sum);
  } else {
    const rationals = given.map((w, i) => {
      const r = typeof w === 'number' ? Rational.of(w) : typeof w === 'bigint' ? Rational.of(w) : w instanceof Rational ? w : null;
      if (r === null || r.sign() < 0) throw badWeight(ids[i]!, w);
      return r;
    });
    for (const d of new Set(rationals.map((r) => r.den))) scale = lcm(scale, d);
    wb = rationals.map((r) => r.num * (scale / r.den));
    let maxB = 0n;
    for (const w of wb) {
      W += w;
      if (w > maxB) maxB = w;
    }
    if (maxB <= BigInt(TWO53) && W <= BigInt(TWO53) && fitsFloat(Number(maxB), Number(W), T, n)) {
      wn = Float64Array.from(wb, Number);
      wb = [];
    } else {
      big = true;
    }
  }
  if (W === 0n && T > 0) {
    throw new DistributionError('gewichten-nul', 'De gewichten tellen op tot 0; er valt niets te verdelen.', { field: 'weights' });
  }

  const needIndex = options.floors !== undefined || options.caps !== undefined;
  const index = needIndex ? new Map(ids.map((id, i) => [id, i])) : new Map<string, number>();
  const lo = boundsOf(options.floors, index, 'floors', n);
  const hi = boundsOf(options.caps, index, 'caps', n);
  const ctx: Ctx = {
    method,
    T,
    n,
    ids,
    given,
    big,
    wn,
    wb,
    W,
    scale,
    lo,
    hi,
    seats: new Float64Array(n),
    flags: new Uint8Array(n),
    adjusted: null,
    remainderSeats: 0,
    tie: false,
    divisor: null,
    unit: Rational.of(1n, scale),
    unitIsQuota: false,
    divisorText: '',
  };
  if (options.divisorUnit === 'quota' && T > 0 && W > 0n) {
    ctx.unit = Rational.of(BigInt(T), W);
    ctx.unitIsQuota = true;
  }
  if (lo || hi) checkFeasible(ctx);
  return ctx;
}

function weightBig(ctx: Ctx, i: number): bigint {
  return ctx.big ? ctx.wb[i]! : BigInt(ctx.wn[i]!);
}

function isPositive(ctx: Ctx, i: number): boolean {
  return ctx.big ? ctx.wb[i]! > 0n : ctx.wn[i]! > 0;
}

function checkFeasible(ctx: Ctx): void {
  let floors = 0;
  let room = 0;
  for (let i = 0; i < ctx.n; i++) {
    const l = ctx.lo ? ctx.lo[i]! : 0;
    const h = ctx.hi ? ctx.hi[i]! : Infinity;
    if (l > h) {
      const id = ctx.ids[i]!;
      throw new DistributionError('minimum-boven-maximum', `Het minimum van ${id} (${formatWhole(l)}) is groter dan het maximum (${formatWhole(h)}).`, {
        field: 'floors',
        areaIds: [id],
      });
    }
    floors += l;
    // An area with weight 0 never gets more than its floor: proportionally it is owed nothing.
    room += isPositive(ctx, i) ? h : l;
  }
  if (floors > ctx.T) {
    throw new DistributionError(
      'minima-boven-totaal',
      `De minima tellen samen op tot ${formatWhole(floors)}, meer dan het totaal van ${formatWhole(ctx.T)}; zo is niet te verdelen.`,
      { field: 'floors' },
    );
  }
  if (room < ctx.T) {
    throw new DistributionError(
      'maxima-onder-totaal',
      `De maxima (en de minima van gebieden met gewicht 0) laten samen ruimte voor ${formatWhole(room)}, minder dan het totaal van ${formatWhole(ctx.T)}; zo is niet te verdelen.`,
      { field: 'caps' },
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Quota methods: largest remainder and round-up

/** Seats for the areas in `idx` from quotas R·w/Wf: floor (+1 for round-up when not whole; remainder seats for Hamilton). */
function quotaCore(ctx: Ctx, idx: Int32Array, R: bigint, Wf: bigint): void {
  const { seats, flags } = ctx;
  const m = idx.length;
  if (m === 0 || R === 0n || Wf === 0n) return;
  const roundUp = ctx.method === 'round-up';
  let assigned = 0;
  if (!ctx.big) {
    const r = Number(R);
    const w = Number(Wf);
    const wn = ctx.wn;
    const rem = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      const i = idx[j]!;
      const a = r * wn[i]!;
      const rest = a % w;
      const f = (a - rest) / w;
      seats[i] = roundUp && rest > 0 ? f + 1 : f;
      rem[j] = rest;
      assigned += f;
    }
    if (roundUp) return;
    const k = r - assigned;
    if (k === 0) return;
    // The k-th largest remainder by selection on the remainders; only equal remainders need the slow rule.
    const t = kthSmallest(rem.slice(), m - k);
    const ties: number[] = [];
    let given = 0;
    for (let j = 0; j < m; j++) {
      const v = rem[j]!;
      if (v > t) {
        const i = idx[j]!;
        seats[i]! += 1;
        flags[i]! |= FLAG_REMAINDER;
        given++;
      } else if (v === t) ties.push(idx[j]!);
    }
    settleTies(ctx, ties, k - given);
    ctx.remainderSeats = k;
    return;
  }
  const wb = ctx.wb;
  const rem: bigint[] = new Array<bigint>(m);
  let assignedB = 0n;
  for (let j = 0; j < m; j++) {
    const i = idx[j]!;
    const a = R * wb[i]!;
    const rest = a % Wf;
    const f = a / Wf;
    seats[i] = Number(roundUp && rest > 0n ? f + 1n : f);
    rem[j] = rest;
    assignedB += f;
  }
  if (roundUp) return;
  const k = Number(R - assignedB);
  if (k === 0) return;
  const sorted = rem.slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const t = sorted[m - k]!;
  const ties: number[] = [];
  let given = 0;
  for (let j = 0; j < m; j++) {
    const v = rem[j]!;
    if (v > t) {
      const i = idx[j]!;
      seats[i]! += 1;
      flags[i]! |= FLAG_REMAINDER;
      given++;
    } else if (v === t) ties.push(idx[j]!);
  }
  settleTies(ctx, ties, k - given);
  ctx.remainderSeats = k;
}

/**
 * The value that would sit at index `k` if `a` were sorted ascending (`a` is reordered). Quickselect with a
 * median-of-three pivot, O(n) expected; after 2·log2(n) rounds without finishing it falls back to the native
 * sort of what is left, so the worst case stays O(n log n).
 */
function kthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  let budget = 2 * Math.ceil(Math.log2(a.length + 1)) + 4;
  while (hi > lo) {
    if (budget-- === 0) {
      const rest = a.subarray(lo, hi + 1).sort();
      return rest[k - lo]!;
    }
    const mid = (lo + hi) >>> 1;
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    // Three-way partition: [lo, lt) < pivot, [lt, gt] = pivot, (gt, hi] > pivot.
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const v = a[i]!;
      if (v < pivot) {
        a[i] = a[lt]!;
        a[lt++] = v;
        i++;
      } else if (v > pivot) {
        a[i] = a[gt]!;
        a[gt--] = v;
      } else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return pivot;
  }
  return a[lo]!;
}

/** Equal remainders: larger weight first, then the lower area code. */
function settleTies(ctx: Ctx, ties: number[], need: number): void {
  const { ids, seats, flags } = ctx;
  if (ties.length > need) {
    ties.sort((a, b) => compareWeight(ctx, b, a) || (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
    ctx.tie = true;
    for (const i of ties) flags[i]! |= FLAG_TIE;
  }
  for (let j = 0; j < need; j++) {
    const i = ties[j]!;
    seats[i]! += 1;
    flags[i]! |= FLAG_REMAINDER;
  }
}

function compareWeight(ctx: Ctx, a: number, b: number): number {
  if (!ctx.big) return ctx.wn[a]! - ctx.wn[b]!;
  const x = ctx.wb[a]!;
  const y = ctx.wb[b]!;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Floors and caps for the quota methods: areas whose quota falls outside their bounds are fixed at the bound and
 * the rest is shared again over the others, until no quota is out of bounds. When both kinds are violated only
 * the kind with the larger total violation is fixed in a round: the other kind may disappear once the rest is
 * shared again (fixing floors lowers everyone else's quota, fixing caps raises it).
 */
function waterfill(ctx: Ctx): Int32Array {
  const { n, lo, hi, seats, flags } = ctx;
  const fixed = new Uint8Array(n);
  let R = BigInt(ctx.T);
  let Wf = ctx.W;
  for (;;) {
    const low: number[] = [];
    const high: number[] = [];
    let deficit = 0n;
    let surplus = 0n;
    for (let i = 0; i < n; i++) {
      if (fixed[i]) continue;
      const rw = R * weightBig(ctx, i);
      const l = lo ? BigInt(lo[i]!) : 0n;
      const h = hi ? hi[i]! : Infinity;
      if (rw < l * Wf || (Wf === 0n && l > 0n)) {
        low.push(i);
        deficit += Wf === 0n ? l : l * Wf - rw;
      } else if (h !== Infinity && rw > BigInt(h) * Wf) {
        high.push(i);
        surplus += rw - BigInt(h) * Wf;
      }
    }
    if (low.length === 0 && high.length === 0) break;
    const fix = (list: number[], bound: Float64Array, flag: number) => {
      for (const i of list) {
        fixed[i] = 1;
        seats[i] = bound[i]!;
        flags[i]! |= flag;
        R -= BigInt(bound[i]!);
        Wf -= weightBig(ctx, i);
      }
    };
    if (deficit >= surplus) fix(low, lo!, FLAG_MIN);
    if (surplus >= deficit) fix(high, hi!, FLAG_MAX);
  }
  if ((Wf === 0n && R > 0n) || R < 0n) {
    throw new DistributionError('maxima-onder-totaal', 'Na het toepassen van de minima en maxima blijft er een rest die niet naar verhouding te verdelen is.', {
      field: 'caps',
    });
  }
  const free: number[] = [];
  for (let i = 0; i < n; i++) if (!fixed[i]) free.push(i);
  if (free.length < n) ctx.adjusted = { R, Wf };
  quotaCore(ctx, Int32Array.from(free), R, Wf);
  return Int32Array.from(free);
}

// ---------------------------------------------------------------------------------------------------------------
// Divisor methods

/**
 * The k-th seat's divisor g(k) (k = seats already held): D'Hondt k+1, Sainte-Laguë k+½ (doubled to 2k+1, which
 * orders the same), Huntington–Hill √(k(k+1)) (compared squared: weights squared against k(k+1)).
 */
function gBig(method: ApportionmentMethod, k: number): bigint {
  const b = BigInt(k);
  return method === 'dhondt' ? b + 1n : method === 'sainte-lague' ? 2n * b + 1n : b * (b + 1n);
}

/** Sign of priority(a, ka) − priority(b, kb), priority = w / g(k) (squared for Huntington–Hill). */
function makePriority(ctx: Ctx): (a: number, ka: number, b: number, kb: number) => number {
  const method = ctx.method;
  const hh = method === 'huntington-hill';
  const exact = (a: number, ka: number, b: number, kb: number): number => {
    let wa = weightBig(ctx, a);
    let wb = weightBig(ctx, b);
    if (hh) {
      wa *= wa;
      wb *= wb;
    }
    const x = wa * gBig(method, kb);
    const y = wb * gBig(method, ka);
    return x < y ? -1 : x > y ? 1 : 0;
  };
  if (ctx.big) return exact;
  const wn = ctx.wn;
  if (!hh) {
    // Exact: weights × (2T + 2n + 8) stay below 2^53 on this path (see fitsFloat).
    const dh = method === 'dhondt';
    return (a, ka, b, kb) => wn[a]! * (dh ? kb + 1 : 2 * kb + 1) - wn[b]! * (dh ? ka + 1 : 2 * ka + 1);
  }
  return (a, ka, b, kb) => {
    const wa = wn[a]!;
    const wb = wn[b]!;
    const x = wa * wa * (kb * (kb + 1));
    const y = wb * wb * (ka * (ka + 1));
    if (x === 0 || y === 0) return x - y;
    const d = x - y;
    // Each side carries at most a few roundings of 2^-53; a gap of 1e-12 relative cannot be a rounding artefact.
    if (Math.abs(d) > 1e-12 * (x > y ? x : y)) return d;
    return exact(a, ka, b, kb);
  };
}

/** Total order on (area, seat): higher priority, then larger weight, then lower area code. Positive: (a, ka) first. */
function makeOrder(ctx: Ctx): (a: number, ka: number, b: number, kb: number) => number {
  const priority = makePriority(ctx);
  const ids = ctx.ids;
  return (a, ka, b, kb) => {
    const p = priority(a, ka, b, kb);
    if (p !== 0) return p;
    const w = compareWeight(ctx, a, b);
    if (w !== 0) return w;
    const ia = ids[a]!;
    const ib = ids[b]!;
    return ia < ib ? 1 : ia > ib ? -1 : 0;
  };
}

function siftDown(heap: Int32Array, size: number, start: number, above: (a: number, b: number) => boolean): void {
  const x = heap[start]!;
  let i = start;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= size) break;
    if (c + 1 < size && above(heap[c + 1]!, heap[c]!)) c++;
    if (!above(heap[c]!, x)) break;
    heap[i] = heap[c]!;
    i = c;
  }
  heap[i] = x;
}

/** Initial seats: every seat whose priority reaches the divisor W/M, clamped to the bounds. */
function initialSeats(ctx: Ctx): number {
  const { n, seats, lo, hi, method, T } = ctx;
  let positive = 0;
  for (let i = 0; i < n; i++) if (isPositive(ctx, i)) positive++;
  // D'Hondt rounds down, losing about ½ per area: aim M = T + n/2 to land near T. Written as Mn / Md.
  const Mn = method === 'dhondt' ? 2 * T + positive : T;
  const Md = method === 'dhondt' ? 2 : 1;
  let sum = 0;
  if (!ctx.big) {
    const wn = ctx.wn;
    const W = Number(ctx.W);
    const b = Md * W;
    for (let i = 0; i < n; i++) {
      const w = wn[i]!;
      let s: number;
      if (w === 0) s = 0;
      else if (method === 'sainte-lague') {
        const a = 2 * w * Mn + b;
        s = (a - (a % (2 * b))) / (2 * b);
      } else {
        const a = w * Mn;
        s = (a - (a % b)) / b;
        if (method === 'huntington-hill') {
          // Round up when x ≥ √(s(s+1)), i.e. a² ≥ s(s+1)·b²; filtered float test, bigint when close.
          const l = s * (s + 1) * b * b;
          const r = a * a;
          const up = Math.abs(r - l) > 1e-12 * Math.max(l, r) ? r > l : BigInt(a) ** 2n >= BigInt(s) * BigInt(s + 1) * BigInt(b) ** 2n;
          if (up) s += 1;
        }
      }
      s = Math.min(Math.max(s, lo ? lo[i]! : 0), w === 0 ? (lo ? lo[i]! : 0) : hi ? hi[i]! : Infinity);
      seats[i] = s;
      sum += s;
    }
    return sum;
  }
  const b = BigInt(Md) * ctx.W;
  const MnB = BigInt(Mn);
  for (let i = 0; i < n; i++) {
    const w = ctx.wb[i]!;
    let s: bigint;
    if (w === 0n) s = 0n;
    else if (method === 'sainte-lague') s = (2n * w * MnB + b) / (2n * b);
    else {
      const a = w * MnB;
      s = a / b;
      if (method === 'huntington-hill' && a * a >= s * (s + 1n) * b * b) s += 1n;
    }
    let v = Number(s);
    v = Math.min(Math.max(v, lo ? lo[i]! : 0), w === 0n ? (lo ? lo[i]! : 0) : hi ? hi[i]! : Infinity);
    seats[i] = v;
    sum += v;
  }
  return sum;
}

/**
 * The divisor method as "the T highest priorities w/g(k)" (with +∞ for seats up to a floor and no seats beyond
 * a cap), computed from a good first divisor W/M: all seats reaching it are taken at once, then a heap adds or
 * removes the few seats that are off. One area may need several of them, hence a heap rather than one sort.
 * O(n + |difference| · log n), and the difference is below n.
 */
function divisorCore(ctx: Ctx): void {
  const { n, seats, lo, hi, T } = ctx;
  const order = makeOrder(ctx);
  let sum = initialSeats(ctx);
  const heap = new Int32Array(n);
  let size = 0;
  const cap = (i: number) => (hi ? hi[i]! : Infinity);
  const floor = (i: number) => (lo ? lo[i]! : 0);
  if (sum < T) {
    for (let i = 0; i < n; i++) if (isPositive(ctx, i) && seats[i]! < cap(i)) heap[size++] = i;
    const above = (a: number, b: number) => order(a, seats[a]!, b, seats[b]!) > 0;
    for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(heap, size, i, above);
    while (sum < T) {
      if (size === 0) {
        throw new DistributionError('maxima-onder-totaal', 'De maxima laten niet genoeg ruimte om het totaal te verdelen.', { field: 'caps' });
      }
      const i = heap[0]!;
      seats[i]! += 1;
      sum++;
      if (seats[i]! >= cap(i)) heap[0] = heap[--size]!;
      if (size > 0) siftDown(heap, size, 0, above);
    }
  } else if (sum > T) {
    for (let i = 0; i < n; i++) if (isPositive(ctx, i) && seats[i]! > floor(i)) heap[size++] = i;
    const below = (a: number, b: number) => order(a, seats[a]! - 1, b, seats[b]! - 1) < 0;
    for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(heap, size, i, below);
    while (sum > T) {
      const i = heap[0]!;
      seats[i]! -= 1;
      sum--;
      if (seats[i]! <= floor(i)) heap[0] = heap[--size]!;
      if (size > 0) siftDown(heap, size, 0, below);
    }
  }
  settleDivisor(ctx, order);
}

/** Finds the cut-off (best loser, worst winner), marks ties at it, and picks a readable divisor in between. */
function settleDivisor(ctx: Ctx, order: (a: number, ka: number, b: number, kb: number) => number): void {
  const { n, seats, lo, hi, flags } = ctx;
  let loser = -1;
  let winner = -1;
  for (let i = 0; i < n; i++) {
    if (!isPositive(ctx, i)) continue;
    const s = seats[i]!;
    if (s < (hi ? hi[i]! : Infinity) && (loser < 0 || order(i, s, loser, seats[loser]!) > 0)) loser = i;
    if (s > (lo ? lo[i]! : 0) && (winner < 0 || order(i, s - 1, winner, seats[winner]! - 1) < 0)) winner = i;
  }
  const priority = makePriority(ctx);
  if (loser >= 0 && winner >= 0 && priority(loser, seats[loser]!, winner, seats[winner]! - 1) === 0) {
    ctx.tie = true;
    const ls = seats[loser]!;
    for (let i = 0; i < n; i++) {
      if (!isPositive(ctx, i)) continue;
      const s = seats[i]!;
      if ((s < (hi ? hi[i]! : Infinity) && priority(i, s, loser, ls) === 0) || (s > (lo ? lo[i]! : 0) && priority(i, s - 1, loser, ls) === 0)) {
        flags[i]! |= FLAG_TIE;
      }
    }
  }
  ctx.divisor = pickDivisor(ctx, loser, winner);
  ctx.divisorText = ctx.divisor ? formatDecimal(ctx.divisor) : '';
  markBounds(ctx);
}

/** Priority of seat k+1 of area i in display units: w/g(k) (squared for Huntington–Hill); null = ∞. */
function priorityValue(ctx: Ctx, i: number, k: number): Rational | null {
  const g = gBig(ctx.method, k);
  if (g === 0n) return null;
  const w = weightBig(ctx, i) * ctx.unit.num;
  const u = ctx.unit.den;
  if (ctx.method === 'huntington-hill') return Rational.of(w * w, g * u * u);
  if (ctx.method === 'sainte-lague') return Rational.of(2n * w, g * u);
  return Rational.of(w, g * u);
}

function pow10(e: number): Rational {
  return e >= 0 ? Rational.of(10n ** BigInt(e)) : Rational.of(1n, 10n ** BigInt(-e));
}

/** floor(log10(x)) for x > 0 (x given squared when `squared`). */
function log10Floor(x: Rational, squared: boolean): number {
  let e = Math.floor((x.num.toString().length - x.den.toString().length) / (squared ? 2 : 1));
  const p = (k: number) => (squared ? pow10(2 * k) : pow10(k));
  while (p(e).compare(x) > 0) e--;
  while (p(e + 1).compare(x) <= 0) e++;
  return e;
}

/** floor(√x / step) · step, or floor(x / step) · step. */
function floorTo(x: Rational, step: Rational, squared: boolean): Rational {
  if (!squared) return Rational.of(x.div(step).floor()).mul(step);
  return Rational.of(isqrt(x.div(step.mul(step)).floor())).mul(step);
}

/**
 * A divisor d with lower < d ≤ upper (compared squared for Huntington–Hill), with as few significant digits as
 * possible so that people can recompute the quotients. On a tie (lower = upper) the boundary itself, if rational.
 */
function pickDivisor(ctx: Ctx, loser: number, winner: number): Rational | null {
  const squared = ctx.method === 'huntington-hill';
  const lower = loser >= 0 ? priorityValue(ctx, loser, ctx.seats[loser]!) : Rational.ZERO;
  const upper = winner >= 0 ? priorityValue(ctx, winner, ctx.seats[winner]! - 1) : null;
  if (lower === null) return null; // an area without its first seat (Huntington–Hill with too few seats): no finite divisor
  const ok = (c: Rational) => c.sign() > 0 && (squared ? c.mul(c) : c).compare(lower) > 0 && (upper === null || (squared ? c.mul(c) : c).compare(upper) <= 0);
  if (upper !== null) {
    if (upper.compare(lower) === 0) {
      if (!squared) return upper;
      const r = Rational.of(isqrt(upper.num), isqrt(upper.den));
      return r.mul(r).equals(upper) ? r : null;
    }
    const e = log10Floor(upper, squared);
    for (let sig = 1; sig <= 3000; sig++) {
      const c = floorTo(upper, pow10(e - sig + 1), squared);
      if (ok(c)) return c;
    }
    return squared ? null : upper;
  }
  if (lower.isZero()) return null;
  const e = log10Floor(lower, squared);
  const step = pow10(e - 1);
  return floorTo(lower, step, squared).add(step);
}

/** The quotient of area i at the divisor, as num/den in display units (not normalised: keys have huge numbers). */
function quotientParts(ctx: Ctx, i: number, d: Rational): [bigint, bigint] {
  return [weightBig(ctx, i) * ctx.unit.num * d.den, ctx.unit.den * d.num];
}

/** The method's rounding of num/den (> 0 den): down, half up, or up from √(f(f+1)). */
function roundParts(method: ApportionmentMethod, num: bigint, den: bigint): number {
  const f = num / den;
  if (method === 'dhondt') return Number(f);
  if (method === 'sainte-lague') return Number((2n * num + den) / (2n * den));
  if (num === 0n) return 0;
  return Number(num * num >= f * (f + 1n) * den * den ? f + 1n : f);
}

function markBounds(ctx: Ctx): void {
  const { n, seats, lo, hi, flags, method } = ctx;
  if (!lo && !hi) return;
  for (let i = 0; i < n; i++) {
    const s = seats[i]!;
    const atLo = lo !== null && s === lo[i]! && s > 0;
    const atHi = hi !== null && s === hi[i]!;
    if (!atLo && !atHi) continue;
    let free: number | null = null;
    if (!isPositive(ctx, i)) free = 0;
    else if (ctx.divisor) free = roundParts(method, ...quotientParts(ctx, i, ctx.divisor));
    if (free === null) continue;
    if (atLo && free < s) flags[i]! |= FLAG_MIN;
    if (atHi && free > s) flags[i]! |= FLAG_MAX;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Results

function givenWeight(ctx: Ctx, i: number): Rational {
  const w = ctx.given[i]!;
  return w instanceof Rational ? w : Rational.of(w);
}

function quotaOf(ctx: Ctx, i: number): Rational {
  return ctx.W === 0n ? Rational.ZERO : Rational.of(BigInt(ctx.T) * weightBig(ctx, i), ctx.W);
}

const TIE_NOTE = ' (gelijke stand; beslist op groter gewicht, daarna lagere code)';

function explain(ctx: Ctx, i: number): string {
  const s = ctx.seats[i]!;
  const flags = ctx.flags[i]!;
  const q = ctx.W === 0n ? '0' : formatFraction(BigInt(ctx.T) * weightBig(ctx, i), ctx.W);
  const tie = flags & FLAG_TIE ? TIE_NOTE : '';
  const assigned = formatWhole(s);
  switch (ctx.method) {
    case 'round-up':
    case 'largest-remainder': {
      if (flags & FLAG_MIN) return `${q} → ${assigned} (minimum)`;
      if (flags & FLAG_MAX) return `${q} → ${assigned} (maximum)`;
      let shown = q;
      if (ctx.adjusted) {
        const adj = ctx.adjusted.Wf === 0n ? '0' : formatFraction(ctx.adjusted.R * weightBig(ctx, i), ctx.adjusted.Wf);
        shown = `${q} (na minima en maxima ${adj})`;
      }
      if (ctx.method === 'round-up') {
        const [num, den] = ctx.adjusted ? [ctx.adjusted.R * weightBig(ctx, i), ctx.adjusted.Wf || 1n] : [BigInt(ctx.T) * weightBig(ctx, i), ctx.W || 1n];
        return `${shown} → ${assigned}${num % den === 0n ? '' : ' (naar boven afgerond)'}`;
      }
      return flags & FLAG_REMAINDER ? `${shown} → ${formatWhole(s - 1)} + 1 restzetel${tie}` : `${shown} → ${assigned}${tie}`;
    }
    default: {
      const bound = flags & FLAG_MIN ? ', verhoogd tot het minimum' : flags & FLAG_MAX ? ', verlaagd tot het maximum' : '';
      if (!isPositive(ctx, i)) return `gewicht 0 → ${assigned}${flags & FLAG_MIN ? ' (minimum)' : ''}`;
      if (!ctx.divisor) {
        // Only a tie on an irrational boundary (Huntington–Hill) or too few seats for every first seat gets here.
        return `quotum ${q} → ${assigned}${bound ? `${bound}` : ''}${tie || ' (geen eenduidige deler)'}`;
      }
      const [num, den] = quotientParts(ctx, i, ctx.divisor);
      const free = roundParts(ctx.method, num, den);
      let rule = '';
      if (ctx.method === 'sainte-lague') rule = ` (grens ${formatDecimal(Rational.of(2n * (num / den) + 1n, 2n), 1)})`;
      if (ctx.method === 'huntington-hill') {
        const f = num / den;
        const root = Rational.of(isqrt(f * (f + 1n) * 10000n), 100n);
        rule = ` (grens √(${formatWhole(f)}·${formatWhole(f + 1n)}) ≈ ${root.toDecimalString(2)})`;
      }
      // On a tie the quotient sits exactly on the rounding boundary; the tie-break, not the rounding, decided.
      const rounded = tie ? assigned : formatWhole(free);
      const quotient = formatFraction(num, den);
      const head = ctx.unitIsQuota ? `quotum ${q} / deler ${ctx.divisorText} = ${quotient}` : `quotiënt ${quotient} bij deler ${ctx.divisorText}`;
      return `${head} → ${rounded}${rule}${bound ? `${bound}: ${assigned}` : ''}${tie}`;
    }
  }
}

class AreaResult implements ApportionedArea {
  constructor(
    private readonly ctx: Ctx,
    private readonly i: number,
  ) {}
  get id(): string {
    return this.ctx.ids[this.i]!;
  }
  get weight(): Rational {
    return givenWeight(this.ctx, this.i);
  }
  get quota(): Rational {
    return quotaOf(this.ctx, this.i);
  }
  get quotaDecimal(): string {
    return this.ctx.W === 0n ? '0' : formatFraction(BigInt(this.ctx.T) * weightBig(this.ctx, this.i), this.ctx.W);
  }
  get assigned(): number {
    return this.ctx.seats[this.i]!;
  }
  get remainderSeat(): boolean {
    return (this.ctx.flags[this.i]! & FLAG_REMAINDER) !== 0;
  }
  get bound(): 'minimum' | 'maximum' | null {
    const f = this.ctx.flags[this.i]!;
    return f & FLAG_MIN ? 'minimum' : f & FLAG_MAX ? 'maximum' : null;
  }
  get tieBreak(): boolean {
    return (this.ctx.flags[this.i]! & FLAG_TIE) !== 0;
  }
  get explanation(): string {
    return explain(this.ctx, this.i);
  }
  toJSON(): Record<string, unknown> {
    return {
      id: this.id,
      weight: this.weight.toString(),
      quota: this.quota.toString(),
      quotaDecimal: this.quotaDecimal,
      assigned: this.assigned,
      remainderSeat: this.remainderSeat,
      bound: this.bound,
      tieBreak: this.tieBreak,
      explanation: this.explanation,
    };
  }
}

function methodExplanation(ctx: Ctx, assignedTotal: number): string {
  const name = METHOD_NAMES[ctx.method];
  const T = formatWhole(ctx.T);
  let text: string;
  if (ctx.method === 'round-up') {
    const excess = assignedTotal - ctx.T;
    text = `Verdeeld door ${name}: ${formatWhole(assignedTotal)} toegekend bij een totaal van ${T}${excess > 0 ? ` (${formatWhole(excess)} meer door het afronden)` : ''}.`;
  } else if (ctx.method === 'largest-remainder') {
    text = `Verdeeld door ${name}: ${T} in totaal; ${formatWhole(ctx.remainderSeats)} restzetel(s) naar de grootste resten.`;
  } else {
    text = `Verdeeld door ${name}: ${T} in totaal${ctx.divisor ? `, deler ${ctx.divisorText}` : ''}.`;
  }
  if (ctx.tie) text += ' Bij gelijke stand gaat het grotere gewicht voor, daarna de lagere code.';
  let mins = 0;
  let maxs = 0;
  for (const f of ctx.flags) {
    if (f & FLAG_MIN) mins++;
    if (f & FLAG_MAX) maxs++;
  }
  if (mins + maxs > 0) text += ` Minima en maxima: ${mins} gebied(en) op het minimum, ${maxs} op het maximum.`;
  return text;
}

/**
 * Divides `total` over areas in proportion to their weights and turns the quotas into whole numbers.
 *
 * - `round-up`: every area gets ⌈quota⌉ (Huisvestingswet); the sum may exceed the total, by less than the
 *   number of areas with a fractional quota.
 * - `largest-remainder`: ⌊quota⌋, then one remainder seat each to the largest remainders.
 * - `dhondt`, `sainte-lague`, `huntington-hill`: one divisor d for all areas; weight/d rounded down, to the
 *   nearest (half up), or up from the geometric mean √(k(k+1)). An area with weight 0 gets 0, also under
 *   Huntington–Hill (no free first seat).
 *
 * Ties are broken the same way for all methods, independent of input order: the larger remainder (quota
 * methods) or priority weight/g(k) (divisor methods) first, then the larger weight, then the lower area code
 * (JavaScript string order, `<`). Floors and caps are respected when feasible (see `ApportionOptions`); a total
 * of 0 gives zeros; weights summing to 0 with a positive total throw `DistributionError('gewichten-nul')`.
 *
 * `apportion(10, { A: 5, B: 3, C: 2 }, 'largest-remainder').areas.map((a) => a.assigned)` → [5, 3, 2]
 */
export function apportion(total: number, weights: WeightsInput, method: ApportionmentMethod, options: ApportionOptions = {}): Apportionment {
  const ctx = prepare(total, weights, method, options);
  const bounded = ctx.lo !== null || ctx.hi !== null;
  if (ctx.T > 0 && ctx.n > 0) {
    if (method === 'round-up' || method === 'largest-remainder') {
      if (bounded) waterfill(ctx);
      else {
        const all = new Int32Array(ctx.n);
        for (let i = 0; i < ctx.n; i++) all[i] = i;
        quotaCore(ctx, all, BigInt(ctx.T), ctx.W);
      }
    } else {
      divisorCore(ctx);
    }
  }
  let assignedTotal = 0;
  for (const s of ctx.seats) assignedTotal += s;
  // A million areas would mean a million long-lived objects (and the garbage collector copying them);
  // most callers want them, so they are made once, on first access.
  let areas: ApportionedArea[] | null = null;
  const materialise = () => {
    if (areas === null) {
      areas = new Array<ApportionedArea>(ctx.n);
      for (let i = 0; i < ctx.n; i++) areas[i] = new AreaResult(ctx, i);
    }
    return areas;
  };
  return {
    method,
    total: ctx.T,
    assignedTotal,
    excess: assignedTotal - ctx.T,
    weightSum: Rational.of(ctx.W, ctx.scale),
    divisor: ctx.divisor,
    divisorDecimal: ctx.divisor ? formatDecimal(ctx.divisor) : null,
    remainderSeats: ctx.remainderSeats,
    tie: ctx.tie,
    explanation: methodExplanation(ctx, assignedTotal),
    get areas() {
      return materialise();
    },
    get assignedNumbers() {
      return ctx.seats.slice();
    },
  };
}

/** The assigned numbers by area id: `assignedById(apportion(...)).get('GM0363')`. */
export function assignedById(result: Apportionment): Map<string, number> {
  return new Map(result.areas.map((a) => [a.id, a.assigned]));
}
