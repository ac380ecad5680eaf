import type { TaskKind } from '../../platform/tasks/runner.ts';
import { monthlyOverview, overviewPdf } from './reports.ts';

/** The monthly reports overview as a PDF, made in the background (POST /api/v1/reports/overview/tasks). */
export const overviewPdfTask: TaskKind<{ month: string }> = {
  kind: 'maandoverzicht-pdf',
  async run(ctx) {
    const { month } = ctx.input;
    ctx.progress(0, 2, 'rapportages lezen');
    const overview = await monthlyOverview(ctx.db, month);
    ctx.progress(1, 2, 'PDF maken');
    const data = await overviewPdf(overview);
    return { result: { month, provinces: overview.provinces.length }, file: { data, type: 'application/pdf', name: `maandoverzicht-${month}.pdf` } };
  },
};
