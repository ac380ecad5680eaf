import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/database.ts';
import { demoUsersStep } from '../auth/demo-users.ts';
import { distributionDemoStep } from '../distribution/demo.ts';
import { ledgerDemoStep } from '../ledger/demo.ts';
import { receptionDemoStep } from '../reception/demo.ts';
import { projectionDemoStep } from '../projection/demo.ts';
import { agendaDemoStep } from '../agenda/demo.ts';
import { meetingsDemoStep } from '../meetings/demo.ts';
import { pipelineDemoStep } from '../pipeline/demo.ts';

/**
 * The demo data set, in named steps. Each capability adds its step here; a step runs once per
 * database (recorded in `demo_seed`), so `regie seed --demo` and every `npm start` are idempotent.
 */
export interface DemoStep {
  name: string;
  run(db: Db): Promise<void>;
}

export const demoSteps: DemoStep[] = [demoUsersStep, distributionDemoStep, ledgerDemoStep, receptionDemoStep, projectionDemoStep, agendaDemoStep, meetingsDemoStep, pipelineDemoStep];

export async function seedDemo(db: Db, steps: readonly DemoStep[] = demoSteps): Promise<string[]> {
  const done = new Set((await db.selectFrom('demo_seed').select('name').execute()).map((r) => r.name));
  const applied: string[] = [];
  for (const step of steps) {
    if (done.has(step.name)) continue;
    await inTransaction(db, async (trx) => {
      await step.run(trx);
      await trx.insertInto('demo_seed').values({ name: step.name }).execute();
    });
    applied.push(step.name);
  }
  return applied;
}
