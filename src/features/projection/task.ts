import type { TaskKind } from '../../platform/tasks/runner.ts';
import { runProjectionInSteps, type ScenarioRef } from './service.ts';

export interface ProjectionTaskInput {
  ref: ScenarioRef;
  runs?: number;
  seed?: number;
  weeks?: number;
}

/** A projection as a background task (POST /api/v1/projections/tasks): progress per simulated week of all runs. */
export const projectionTask: TaskKind<ProjectionTaskInput> = {
  kind: 'projectie',
  async run(ctx) {
    const { ref, runs, seed, weeks } = ctx.input;
    const result = await runProjectionInSteps(ctx.db, ref, { runs, seed, weeks }, (done, total) => ctx.progress(done, total, `week ${done} van ${total} berekend`));
    return { result };
  },
};
