import { useApi } from '../api/useApi.ts';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import { useTaskT } from '../shared/TaskProgress.tsx';
import type { Task, TaskStatus } from '../shared/useTask.ts';
import { Heading, Link, LoadingStatus, PageTitle, Paragraph, RouterLink, StatusBadge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, type BadgeTone } from '../ui/index.ts';

const TONE: Record<TaskStatus, BadgeTone> = { queued: 'neutral', running: 'warning', done: 'success', failed: 'danger' };

/** The page that shows a task's result (with `?taak=` so it follows that task). */
export function taskPage(task: Pick<Task, 'id' | 'kind' | 'input'>): string | null {
  switch (task.kind) {
    case 'projectie':
      return `/prognose?taak=${task.id}`;
    case 'realisaties-upload':
      return `/taakstelling/realisaties-uploaden?taak=${task.id}`;
    case 'maandoverzicht-pdf':
      return `/rapportages?taak=${task.id}`;
    default:
      return null;
  }
}

/** /taken: the signed-in user's recent background tasks with their status and a way back to each result. */
export function MyTasksPage() {
  const { tm, t, kindLabel, dateTime, number } = useTaskT();
  const list = useApi<{ items: Omit<Task, 'result'>[] }>('/api/v1/tasks');
  const items = list.data?.items ?? [];
  return (
    <>
      <PageTitle>{`${tm.page.title} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {tm.page.title}
      </Heading>
      <Paragraph appearance="lead">{tm.page.lead}</Paragraph>
      <LoadingStatus busy={list.status === 'loading'} loadingText={t.common.loading} />
      {list.error ? <ApiErrorState error={list.error} onRetry={list.retry} /> : null}
      {list.data && items.length === 0 ? <Paragraph>{tm.page.none}</Paragraph> : null}
      {items.length > 0 ? (
        <Table caption={tm.page.caption}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{tm.page.task}</TableHeaderCell>
              <TableHeaderCell scope="col">{tm.page.started}</TableHeaderCell>
              <TableHeaderCell scope="col">{tm.page.status}</TableHeaderCell>
              <TableHeaderCell scope="col" className="rt-numeric">
                {tm.page.progress}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((task) => {
              const page = taskPage(task);
              const what = kindLabel(task.kind);
              return (
                <TableRow key={task.id}>
                  <TableCell>
                    {page ? <RouterLink to={page}>{tm.page.open(what, String(task.id))}</RouterLink> : what}
                    {task.file && task.status === 'done' ? (
                      <>
                        {' · '}
                        <Link href={`/api/v1/tasks/${task.id}/file`}>{tm.page.download(task.file.name)}</Link>
                      </>
                    ) : null}
                  </TableCell>
                  <TableCell>{dateTime(task.createdAt)}</TableCell>
                  <TableCell>
                    <StatusBadge tone={TONE[task.status]}>{tm.status[task.status]}</StatusBadge>
                  </TableCell>
                  <TableCell className="rt-numeric">{tm.percent(number(Math.round(task.progress * 100)))}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      ) : null}
    </>
  );
}
