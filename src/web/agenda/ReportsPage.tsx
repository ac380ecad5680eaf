import { useMemo, useState } from 'react';
import { asApiError, send, type ApiError } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import { TaskProgress } from '../shared/TaskProgress.tsx';
import { useTask, useTaskParam, type TaskStarted } from '../shared/useTask.ts';
import {
  Button,
  Heading,
  Link,
  LoadingStatus,
  PageTitle,
  Paragraph,
  RouterLink,
  SortableTable,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  VisuallyHidden,
  type Column,
} from '../ui/index.ts';
import { useAgendaT } from './common.tsx';
import type { RateRow, ReportCell, ReportState, ReportStatusView } from './types.ts';

/** A sign for each state, always next to its words (never colour alone). */
const SIGNS: Record<ReportState, string> = { 'op-tijd': '✓', 'te-laat': '⚠', ontbreekt: '✗', 'niet-verwacht': '○' };
/** Worst first when sorting a month's column descending. */
const RANK: Record<ReportState, number> = { 'niet-verwacht': 0, 'op-tijd': 1, 'te-laat': 2, ontbreekt: 3 };
const STATES: readonly ReportState[] = ['op-tijd', 'te-laat', 'ontbreekt', 'niet-verwacht'];

interface ProvinceRow extends RateRow {
  province: string;
  name: string;
  cells: Map<string, ReportCell>;
}

/** One cell of the grid: a link to the report, its state in a sign and words, and for late reports the days late. */
function CellLink({ cell, provinceLabel }: { cell: ReportCell; provinceLabel: string }) {
  const { m, month, number } = useAgendaT();
  const words = m.reports.states[cell.state];
  return (
    <RouterLink to={`/rapportages/${cell.province}/${cell.month}`} className={`rt-agenda-cell rt-agenda-cell--${cell.state}`}>
      <VisuallyHidden>{m.reports.cellLabel(provinceLabel, month(cell.month))}</VisuallyHidden>
      <span aria-hidden="true">{SIGNS[cell.state]} </span>
      {words}
      {cell.state === 'te-laat' && cell.daysLate !== null ? ` (${m.reports.daysLate(cell.daysLate, number(cell.daysLate))})` : null}
    </RouterLink>
  );
}

export function ReportsPage() {
  const { m, t, date, month, percent, number, locale } = useAgendaT();
  const status = useApi<ReportStatusView>('/api/v1/reports/status');
  const data = status.data;
  // The PDF of a month's overview made as a background task, followed in the address (?taak=123).
  const [taskId, setTaskId] = useTaskParam();
  const pdfTask = useTask<{ month: string }>(taskId);
  const [startError, setStartError] = useState<ApiError | null>(null);
  async function preparePdf(forMonth: string) {
    setStartError(null);
    try {
      setTaskId((await send<TaskStarted>('POST', '/api/v1/reports/overview/tasks', { month: forMonth })).data.id);
    } catch (e) {
      setStartError(asApiError(e));
    }
  }

  const rows = useMemo<ProvinceRow[]>(() => {
    if (!data) return [];
    return data.provinces.map((p) => ({
      ...p,
      name: data.provinceNames[p.province] ?? p.province,
      cells: new Map(data.cells.filter((c) => c.province === p.province).map((c) => [c.month, c])),
    }));
  }, [data]);

  const columns = useMemo<Column<ProvinceRow>[]>(
    () => [
      { key: 'name', header: m.reports.colProvince, rowHeader: true, cell: (r) => r.name, sortValue: (r) => r.name },
      {
        key: 'received',
        header: m.reports.received,
        numeric: true,
        cell: (r) => `${number(r.received)} / ${number(r.expected)}`,
        sortValue: (r) => r.received,
      },
      { key: 'completeness', header: m.reports.completeness, numeric: true, cell: (r) => percent(r.completenessPercent), sortValue: (r) => r.completenessPercent },
      { key: 'timeliness', header: m.reports.timeliness, numeric: true, cell: (r) => percent(r.timelinessPercent), sortValue: (r) => r.timelinessPercent },
      ...(data?.months ?? []).map(
        (ym): Column<ProvinceRow> => ({
          key: `month-${ym}`,
          header: month(ym),
          cell: (r) => {
            const cell = r.cells.get(ym);
            return cell ? <CellLink cell={cell} provinceLabel={r.name} /> : m.noValue;
          },
          sortValue: (r) => {
            const cell = r.cells.get(ym);
            return cell ? RANK[cell.state] : null;
          },
        }),
      ),
    ],
    [m, data, month, number, percent],
  );

  const national = data?.national;
  return (
    <>
      <PageTitle>{`${m.reports.title} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {m.reports.title}
      </Heading>
      <Paragraph appearance="lead">{m.reports.lead}</Paragraph>
      <div className="rt-actions">
        <RouterLink to="/acties">{m.reports.back}</RouterLink>
      </div>
      <LoadingStatus busy={status.status === 'loading'} loadingText={t.common.loading} />
      {status.error ? <ApiErrorState error={status.error} onRetry={status.retry} /> : null}
      {data && national ? (
        data.months.length === 0 ? (
          <Paragraph>{m.reports.noMonths}</Paragraph>
        ) : (
          <>
            <Paragraph>{m.reports.asOf(date(data.today), data.settings.workingDay)}</Paragraph>
            <section aria-labelledby="reports-national">
              <Heading level={2} id="reports-national">
                {m.reports.nationalTitle}
              </Heading>
              <dl className="rt-agenda-totals" data-testid="reports-national">
                {(
                  [
                    [m.reports.expected, number(national.expected)],
                    [m.reports.received, number(national.received)],
                    [m.reports.onTime, number(national.onTime)],
                    [m.reports.completeness, percent(national.completenessPercent)],
                    [m.reports.timeliness, percent(national.timelinessPercent)],
                  ] as const
                ).map(([label, value]) => (
                  <div key={label}>
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
            </section>

            <section aria-labelledby="reports-grid">
              <Heading level={2} id="reports-grid">
                {m.reports.gridTitle}
              </Heading>
              <Heading level={3} id="reports-legend">
                {m.reports.legendTitle}
              </Heading>
              <ul className="rt-agenda-legend" aria-labelledby="reports-legend">
                {STATES.map((s) => (
                  <li key={s} className={`rt-agenda-cell rt-agenda-cell--${s}`}>
                    <span aria-hidden="true">{SIGNS[s]} </span>
                    {m.reports.states[s]}
                  </li>
                ))}
              </ul>
              <SortableTable
                caption={m.reports.gridCaption}
                captionHint={m.reports.gridHint}
                columns={columns}
                rows={rows}
                rowKey={(r) => r.province}
                locale={locale}
                sortedMessage={t.common.sortedBy}
              />
            </section>

            <section aria-labelledby="reports-months">
              <Heading level={2} id="reports-months">
                {m.reports.monthsTitle}
              </Heading>
              <Table caption={m.reports.monthsCaption}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{m.reports.colMonth}</TableHeaderCell>
                    <TableHeaderCell scope="col" className="rt-numeric">
                      {m.reports.expected}
                    </TableHeaderCell>
                    <TableHeaderCell scope="col" className="rt-numeric">
                      {m.reports.received}
                    </TableHeaderCell>
                    <TableHeaderCell scope="col" className="rt-numeric">
                      {m.reports.onTime}
                    </TableHeaderCell>
                    <TableHeaderCell scope="col" className="rt-numeric">
                      {m.reports.completeness}
                    </TableHeaderCell>
                    <TableHeaderCell scope="col" className="rt-numeric">
                      {m.reports.timeliness}
                    </TableHeaderCell>
                    <TableHeaderCell scope="col">{m.reports.colOverview}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.byMonth.map((r) => (
                    <TableRow key={r.month}>
                      <TableHeaderCell scope="row">{month(r.month)}</TableHeaderCell>
                      <TableCell className="rt-numeric">{number(r.expected)}</TableCell>
                      <TableCell className="rt-numeric">{number(r.received)}</TableCell>
                      <TableCell className="rt-numeric">{number(r.onTime)}</TableCell>
                      <TableCell className="rt-numeric">{percent(r.completenessPercent)}</TableCell>
                      <TableCell className="rt-numeric">{percent(r.timelinessPercent)}</TableCell>
                      <TableCell>
                        <span className="rt-agenda-links">
                          <Link href={`/api/v1/reports/overview?month=${encodeURIComponent(r.month)}`}>{m.reports.overviewHtml(month(r.month))}</Link>
                          <Link href={`/api/v1/reports/overview?month=${encodeURIComponent(r.month)}&format=pdf`}>{m.reports.overviewPdf(month(r.month))}</Link>
                          <Button appearance="secondary" onClick={() => void preparePdf(r.month)}>
                            {m.reports.preparePdf(month(r.month))}
                          </Button>
                        </span>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {startError ? <ApiErrorState error={startError} onRetry={() => setStartError(null)} /> : null}
              {taskId !== null ? (
                <section aria-labelledby="reports-pdf-task">
                  <Heading level={3} id="reports-pdf-task">
                    {m.reports.pdfTaskTitle}
                  </Heading>
                  {pdfTask.task ? <TaskProgress task={pdfTask.task} /> : null}
                  {pdfTask.task?.status === 'done' && pdfTask.task.file ? (
                    <Paragraph>
                      <Link href={`/api/v1/tasks/${pdfTask.task.id}/file`}>{m.reports.pdfReady(pdfTask.task.file.name)}</Link>
                    </Paragraph>
                  ) : null}
                  {pdfTask.error ? <ApiErrorState error={pdfTask.error} onRetry={pdfTask.retry} /> : null}
                </section>
              ) : null}
            </section>
          </>
        )
      ) : null}
    </>
  );
}
