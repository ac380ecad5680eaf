import type { DemoStep } from '../demo/seed.ts';
import { systemActor } from '../audit/audit.ts';
import { createDraft, publish } from './service.ts';
import { latestReferenceDate } from '../../domain/regions/population.ts';

const actor = systemActor('demodata');

/**
 * The seed's figures: COA's capacity decision of 51,000 places (July 2022) over the provinces by
 * population share, and the taakstelling of 2022-I (10,000) and 2022-II (13,500).
 */
export const distributionDemoStep: DemoStep = {
  name: 'verdeling-2022',
  async run(db) {
    const dates = (await db.selectFrom('population').select('reference_date').distinct().execute()).map((r) => r.reference_date);
    const referenceDate = latestReferenceDate(dates, '2022-07-11');
    if (!referenceDate) throw new Error('Geen inwonertallen voor de demodata');
    const capacity = await createDraft(db, actor, {
      kind: 'verdeling',
      title: 'Capaciteitsbesluit COA juli 2022: 51.000 opvangplekken over de provincies',
      level: 'province',
      total: 51_000,
      key: 'population',
      method: 'largest-remainder',
      referenceDate,
      boundaryDate: '2022-07-11',
    });
    await publish(db, actor, capacity.id!, capacity.version, new Date('2022-07-11T10:00:00Z'));
    for (const [period, national, at] of [
      ['2022-I', 10_000, '2021-09-15T10:00:00Z'],
      ['2022-II', 13_500, '2022-03-15T10:00:00Z'],
    ] as const) {
      const draft = await createDraft(db, actor, { kind: 'taakstelling', period, national });
      await publish(db, actor, draft.id!, draft.version, new Date(at));
    }
  },
};
