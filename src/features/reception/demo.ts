import type { DemoStep } from '../demo/seed.ts';
import { systemActor } from '../audit/audit.ts';
import { createLocation, uploadOccupancy } from './service.ts';
import { TER_APEL_CODE, demoLocations, demoOccupancyCsv } from '../../domain/reception/index.ts';

const actor = systemActor('demodata');

/**
 * Reception as the LRT saw it on 8 July 2022 (the seed): Ter Apel at 2,193 against its norm of 2,000, 7,500 permit
 * holders waiting in reception; other locations of every type, their figures invented. Occupancy goes in through
 * the same upload COA uses, so the demo's alerts are raised the way real ones are.
 */
export const receptionDemoStep: DemoStep = {
  name: 'opvang-2022',
  async run(db) {
    for (const l of demoLocations()) {
      const norms = l.norms.flatMap((n) =>
        // A penalty per day over the norm from 1 June 2022, to show the counter (the amount is made up for the demo).
        l.code === TER_APEL_CODE && n.from < '2022-06-01'
          ? [
              { from: n.from, to: '2022-05-31', max: n.max },
              { from: '2022-06-01', to: n.to, max: n.max, penaltyCentsPerDay: 15_000_00, reason: 'Demo: boete per dag boven de norm (fictief bedrag)' },
            ]
          : [{ from: n.from, to: n.to, max: n.max }],
      );
      await createLocation(db, actor, { code: l.code, name: l.name, type: l.type, municipalityCode: l.municipalityCode, events: l.events, norms });
    }
    await uploadOccupancy(db, actor, { content: Buffer.from(demoOccupancyCsv()), format: 'csv', fileName: 'coa-bezetting-april-juli-2022.csv (demo)' });
  },
};
