/**
 * The pipeline as the chain projection's housing input: the weekly series is a valid `housing.homesPerWeek`, and the
 * model houses no more per week than it allows, and all of it while enough permit holders wait.
 */
import { describe, expect, it } from 'vitest';
import { modelParameters, runModel } from '../projection/model.ts';
import { parseScenario } from '../projection/scenario.ts';
import { DEMO_PIPELINE } from './demo.ts';
import { weeklyHomesForProjection } from './weekly.ts';

describe('pipeline → projection', () => {
  it('feeds the demo pipeline into a projection from the week of 4 July 2022', () => {
    const weeks = 104;
    const homesPerWeek = weeklyHomesForProjection(DEMO_PIPELINE, '2022-07-04', weeks);
    const s = parseScenario({
      name: 'Huisvesting uit de pijplijn',
      startWeek: '2022-07-04',
      weeks,
      initial: { registrationCentre: 2193, awaitingDecision: 29_000, permitHoldersWaiting: 7500 },
      inflowPerWeek: 900,
      permitShare: 0.7,
      registrationWeeks: 1.5,
      processingWeeks: 32,
      rejectedLeaveWeeks: 12,
      housing: { perHalfYear: 13_500, homesPerWeek },
      capacity: { base: 41_000 },
    });
    const r = runModel(modelParameters(s), { inflow: new Array<number>(weeks).fill(900), permitShare: 0.7, processingWeeks: 32, paceFactor: 1 });
    // 7,500 waiting and more coming: every home the pipeline offers is taken, week by week.
    r.housed.forEach((h, t) => expect(h).toBeCloseTo(homesPerWeek[t]!, 9));
    const total = homesPerWeek.reduce((a, b) => a + b, 0);
    // Reserved homes of the demo expected from 4 July 2022 to 30 June 2024 (not delivered before, not dropped), × 2,2.
    const reserved = DEMO_PIPELINE.filter((p) => p.status !== 'vervallen' && p.expectedDelivery >= '2022-07-04' && p.expectedDelivery < '2024-07-01').reduce((n, p) => n + p.reservedUnits, 0);
    expect(total).toBeCloseTo(reserved * 2.2, 6);
  });
});
