/**
 * The weekly model against closed forms (docs/PROJECTION.md, "Closed forms"): steady states under constant flows,
 * the geometric approach to them, linear growth when housing lags, and exact overflow arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { type ModelRun, modelParameters, runModel } from './model.ts';
import { parseScenario } from './scenario.ts';

interface Setup {
  weeks: number;
  inflow: number;
  permitShare: number;
  registrationWeeks: number;
  processingWeeks: number;
  rejectedLeaveWeeks: number;
  /** Housing pace per week at pace factor 1 (taakstelling / 26). */
  pace: number;
  paceFactor?: number;
  capacity: number;
  changes?: { week: number; change: number }[];
  initial?: Partial<{ registrationCentre: number; awaitingDecision: number; permitHoldersWaiting: number; rejectedWaiting: number }>;
}

/** One run with constant inflow and no uncertainty, through the scenario parser like any real run. */
function run(u: Setup): ModelRun {
  const s = parseScenario({
    name: 'closed form',
    startWeek: '2022-07-04',
    weeks: u.weeks,
    initial: { registrationCentre: 0, awaitingDecision: 0, permitHoldersWaiting: 0, rejectedWaiting: 0, ...u.initial },
    inflowPerWeek: u.inflow,
    permitShare: u.permitShare,
    registrationWeeks: u.registrationWeeks,
    processingWeeks: u.processingWeeks,
    rejectedLeaveWeeks: u.rejectedLeaveWeeks,
    housing: { perHalfYear: u.pace * 26 },
    capacity: { base: u.capacity, changes: u.changes ?? [] },
  });
  return runModel(modelParameters(s), {
    inflow: new Array<number>(u.weeks).fill(u.inflow),
    permitShare: u.permitShare,
    processingWeeks: u.processingWeeks,
    paceFactor: u.paceFactor ?? 1,
  });
}

const close = (actual: number, expected: number, relative = 1e-9): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
};

describe('steady state under constant flows and ample capacity', () => {
  it('reaches R = I·W, A = I·T, P = p·I, J = (1 − p)·I·L from empty', () => {
    // I 600, p 0.6, W 2, T 10, L 4, housing 500 > p·I = 360; slowest factor 0.9^300 ≈ 2e-14.
    const r = run({ weeks: 300, inflow: 600, permitShare: 0.6, registrationWeeks: 2, processingWeeks: 10, rejectedLeaveWeeks: 4, pace: 500, capacity: 1e6 });
    const last = 299;
    close(r.registrationCentre[last]!, 1200);
    close(r.awaitingDecision[last]!, 6000);
    close(r.permitHoldersWaiting[last]!, 360);
    close(r.rejectedWaiting[last]!, 960);
    close(r.receptionOccupancy[last]!, 7320);
    // Flows balance: everything that comes in goes out, split by the permit share.
    close(r.toReception[last]!, 600);
    close(r.decisions[last]!, 600);
    close(r.housed[last]!, 360);
    close(r.departed[last]!, 240);
    expect(r.registrationReady[last]).toBe(0);
    expect(r.placesShort[last]).toBe(0);
  });

  it('approaches R geometrically: R_t = I·W + (R₀ − I·W)·(1 − 1/W)^(t+1)', () => {
    const r = run({ weeks: 60, inflow: 600, permitShare: 0.6, registrationWeeks: 4, processingWeeks: 10, rejectedLeaveWeeks: 4, pace: 500, capacity: 1e6, initial: { registrationCentre: 5000 } });
    r.registrationCentre.forEach((v, t) => close(v, 2400 + 2600 * 0.75 ** (t + 1), 1e-12));
  });

  it('approaches A geometrically once transfers are steady: A_t = I·T + (A₀ − I·T)·(1 − 1/T)^(t+1)', () => {
    const r = run({
      weeks: 60,
      inflow: 600,
      permitShare: 0.6,
      registrationWeeks: 4,
      processingWeeks: 10,
      rejectedLeaveWeeks: 4,
      pace: 500,
      capacity: 1e6,
      initial: { registrationCentre: 2400, awaitingDecision: 9000 },
    });
    r.awaitingDecision.forEach((v, t) => close(v, 6000 + 3000 * 0.9 ** (t + 1), 1e-12));
    r.toReception.forEach((x) => close(x, 600, 1e-12));
  });

  it('approaches J geometrically once decisions are steady: J_t = (1 − p)·I·L + (J₀ − (1 − p)·I·L)·(1 − 1/L)^(t+1)', () => {
    const r = run({
      weeks: 60,
      inflow: 600,
      permitShare: 0.6,
      registrationWeeks: 4,
      processingWeeks: 10,
      rejectedLeaveWeeks: 4,
      pace: 500,
      capacity: 1e6,
      initial: { registrationCentre: 2400, awaitingDecision: 6000, rejectedWaiting: 5000 },
    });
    r.rejectedWaiting.forEach((v, t) => close(v, 960 + 4040 * 0.75 ** (t + 1), 1e-12));
  });
});

describe('permit holders and the housing pace', () => {
  // Steady upstream: R₀ = I·W and A₀ = I·T, so exactly I decisions a week and p·I = 500 new permit holders.
  const upstream = { weeks: 40, inflow: 1000, permitShare: 0.5, registrationWeeks: 2, processingWeeks: 10, rejectedLeaveWeeks: 4, capacity: 1e6 };
  const initial = { registrationCentre: 2000, awaitingDecision: 10_000 };

  it('grow linearly by p·I − H a week when housing lags: P_t = P₀ + (t + 1)·(p·I − H)', () => {
    const r = run({ ...upstream, pace: 300, initial: { ...initial, permitHoldersWaiting: 1000 } });
    r.permitHoldersWaiting.forEach((v, t) => close(v, 1000 + 200 * (t + 1), 1e-12));
    r.housed.forEach((h) => close(h, 300, 1e-12));
  });

  it('drain by H − p·I a week when housing is faster, then settle at p·I', () => {
    const r = run({ ...upstream, pace: 700, initial: { ...initial, permitHoldersWaiting: 5000 } });
    close(r.permitHoldersWaiting[0]!, 4800);
    close(r.permitHoldersWaiting[20]!, 800);
    close(r.permitHoldersWaiting[21]!, 600);
    // Only the 600 waiting can be housed, however fast the pace: 600 − 600 + 500.
    close(r.housed[22]!, 600);
    close(r.permitHoldersWaiting[22]!, 500);
    close(r.permitHoldersWaiting[39]!, 500);
  });

  it('when housing lags and reception is full, admit H/p a week in the long run, so Ter Apel grows by I − H/p', () => {
    // One in, one out: admissions = housed + departed = H + (1 − p)·x, so x = H/p = 600; A → x·T, J → (1 − p)·x·L.
    const r = run({ ...upstream, weeks: 400, capacity: 20_000, pace: 300, initial: { ...initial, permitHoldersWaiting: 1000 } });
    const t = 399;
    close(r.toReception[t]!, 600, 1e-5);
    close(r.registrationCentre[t]! - r.registrationCentre[t - 1]!, 400, 1e-5);
    close(r.placesShort[t]! - r.placesShort[t - 1]!, 400, 1e-5);
    close(r.awaitingDecision[t]!, 6000, 1e-5);
    close(r.rejectedWaiting[t]!, 1200, 1e-5);
    close(r.permitHoldersWaiting[t]!, 20_000 - 6000 - 1200, 1e-5);
    close(r.receptionOccupancy[t]!, 20_000, 1e-12);
  });

  it('scales the taakstelling pace by the pace factor', () => {
    const r = run({ ...upstream, pace: 400, paceFactor: 0.5, initial: { ...initial, permitHoldersWaiting: 1000 } });
    close(r.housed[0]!, 200);
    close(r.permitHoldersWaiting[9]!, 1000 + 300 * 10);
  });
});

describe('reception full: the registration centre overflows', () => {
  // Reception exactly full, nobody leaves it (p = 1, no housing), so nobody can move on from the registration centre.
  const full = {
    weeks: 10,
    inflow: 500,
    permitShare: 1,
    registrationWeeks: 1,
    processingWeeks: 10,
    rejectedLeaveWeeks: 4,
    pace: 0,
    capacity: 10_000,
    initial: { awaitingDecision: 10_000 },
  };

  it('holds everyone back: R_t = I·(t + 1), over the norm of 2,000 from week 4, shortage = those ready', () => {
    const r = run(full);
    expect(r.toReception.every((x) => x === 0)).toBe(true);
    expect(r.registrationCentre).toEqual([500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000]);
    // Exactly 2,000 is at the norm, not over it.
    expect(r.overNorm).toEqual([false, false, false, false, true, true, true, true, true, true]);
    expect(r.placesShort).toEqual([0, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500]);
    expect(r.placesShort).toEqual(r.registrationReady);
    expect(r.receptionOccupancy.every((o) => o === 10_000)).toBe(true);
  });

  it('with ample capacity the same inflow never exceeds the norm', () => {
    const r = run({ ...full, capacity: 1e6 });
    expect(r.registrationCentre.every((v) => v === 500)).toBe(true);
    expect(r.overNorm.every((o) => !o)).toBe(true);
    expect(r.placesShort.every((v) => v === 0)).toBe(true);
  });

  it('releases the backlog when places open, up to the places that opened', () => {
    const r = run({ ...full, changes: [{ week: 5, change: 3000 }] });
    // Week 5: 2,000 ready + 500 finishing, 3,000 free → all 2,500 move; week 6: 500 free for 500; week 7: full again.
    expect(r.toReception.slice(4, 8)).toEqual([0, 2500, 500, 0]);
    expect(r.registrationCentre.slice(4, 8)).toEqual([2500, 500, 500, 1000]);
    expect(r.capacity.slice(4, 6)).toEqual([10_000, 13_000]);
    expect(r.placesShort.slice(4, 8)).toEqual([2000, 0, 0, 500]);
  });

  it('counts occupancy above a lowered capacity as places short, and admits no one', () => {
    const r = run({ ...full, changes: [{ week: 2, change: -2000 }] });
    expect(r.toReception.every((x) => x === 0)).toBe(true);
    // Week 2: 10,000 in reception for 8,000 places, plus 1,000 ready in the registration centre.
    expect(r.placesShort[2]).toBe(3000);
  });

  it('lets places freed by housing this week be taken this week', () => {
    const r = run({ ...full, permitShare: 1, pace: 200, initial: { permitHoldersWaiting: 5000 }, capacity: 5000 });
    // Week 0 nobody is ready yet. Week 1: 500 ready; 200 housed last week + 200 this week are free.
    expect(r.toReception.slice(0, 3)).toEqual([0, 400, 200]);
    expect(r.registrationReady.slice(0, 3)).toEqual([0, 100, 400]);
  });
});

describe('modelParameters', () => {
  it('applies capacity changes from their week on and takes the pace per half-year, the last one holding on', () => {
    const p = modelParameters(
      parseScenario({
        name: 'params',
        startWeek: '2022-07-04',
        weeks: 60,
        initial: { registrationCentre: 0, awaitingDecision: 0, permitHoldersWaiting: 0 },
        inflowPerWeek: 0,
        permitShare: 0.5,
        registrationWeeks: 1,
        processingWeeks: 1,
        rejectedLeaveWeeks: 1,
        housing: { perHalfYear: [13_000, 26_000] },
        capacity: { base: 100, changes: [{ week: 3, change: 50 }, { week: 3, change: -20 }, { week: 10, change: 5 }] },
      }),
    );
    expect(Array.from(p.capacity.slice(0, 12))).toEqual([100, 100, 100, 130, 130, 130, 130, 130, 130, 130, 135, 135]);
    expect([p.quotaPace[0], p.quotaPace[25], p.quotaPace[26], p.quotaPace[59]]).toEqual([500, 500, 1000, 1000]);
  });

  it('takes the housing cap per week from housing.homesPerWeek when given (0 after the list), not from the taakstelling', () => {
    const s = parseScenario({
      name: 'pipeline',
      startWeek: '2022-07-04',
      weeks: 6,
      initial: { registrationCentre: 0, awaitingDecision: 0, permitHoldersWaiting: 100 },
      inflowPerWeek: 0,
      permitShare: 1,
      registrationWeeks: 1,
      processingWeeks: 1,
      rejectedLeaveWeeks: 1,
      housing: { perHalfYear: 26_000, homesPerWeek: [10, 0, 25.5, 80] },
      capacity: { base: 1000 },
    });
    const p = modelParameters(s);
    expect(Array.from(p.quotaPace)).toEqual([10, 0, 25.5, 80, 0, 0]);
    const r = runModel(p, { inflow: new Array<number>(6).fill(0), permitShare: 1, processingWeeks: 1, paceFactor: 1 });
    // 100 waiting: 10, 0, 25.5 housed, then the 64.5 left (less than the cap of 80), then nobody.
    expect(r.housed).toEqual([10, 0, 25.5, 64.5, 0, 0]);
    expect(r.permitHoldersWaiting).toEqual([90, 90, 64.5, 0, 0, 0]);
  });

  it('refuses a run with fewer inflow weeks than the model has', () => {
    const p = modelParameters(
      parseScenario({
        name: 'short',
        startWeek: '2022-07-04',
        weeks: 3,
        initial: { registrationCentre: 0, awaitingDecision: 0, permitHoldersWaiting: 0 },
        inflowPerWeek: 0,
        permitShare: 0.5,
        registrationWeeks: 1,
        processingWeeks: 1,
        rejectedLeaveWeeks: 1,
        housing: { perHalfYear: 0 },
        capacity: { base: 0 },
      }),
    );
    expect(() => runModel(p, { inflow: [1, 2], permitShare: 0.5, processingWeeks: 1, paceFactor: 1 })).toThrow(RangeError);
  });
});
