import type { TaskKind } from '../../platform/tasks/runner.ts';
import { uploadRealisations } from './realisations.ts';

export interface RealisationTaskInput {
  period: string;
  format: 'csv' | 'xlsx';
  fileName?: string;
}

/**
 * COA's realisation list read in the background (POST /api/v1/realisations/uploads/tasks): the same all-or-nothing,
 * idempotent upload as the synchronous endpoint, with the file kept in the task until it has run.
 */
export const realisationUploadTask: TaskKind<RealisationTaskInput> = {
  kind: 'realisaties-upload',
  async run(ctx) {
    if (!ctx.file) throw new Error(`taak ${ctx.id}: het bestand ontbreekt`);
    const { period, format, fileName } = ctx.input;
    ctx.progress(0, 1, 'bestand controleren');
    const result = await uploadRealisations(ctx.db, ctx.actor, {
      content: ctx.file.data,
      format,
      period,
      fileName,
      source: 'coa',
      onProgress: (done, total) => ctx.progress(done, total, `${done} van ${total} regels opgeslagen`),
    });
    return { result };
  },
};
