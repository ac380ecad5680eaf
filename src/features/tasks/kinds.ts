import type { TaskKind } from '../../platform/tasks/runner.ts';
import { projectionTask } from '../projection/task.ts';
import { overviewPdfTask } from '../agenda/overview-task.ts';
import { realisationUploadTask } from '../ledger/upload-task.ts';

/** Every kind of background task this server runs (a task of a kind not listed here fails with a problem). */
export const TASK_KINDS: readonly TaskKind<never>[] = [projectionTask, overviewPdfTask, realisationUploadTask] as readonly TaskKind<never>[];
