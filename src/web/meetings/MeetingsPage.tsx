import { useApi } from '../api/useApi.ts';
import { useSession } from '../auth/session.tsx';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import { Heading, LoadingStatus, PageTitle, Paragraph, RouterLink, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../ui/index.ts';
import { MinutesStatusBadge, useMeetingsT } from './common.tsx';
import type { MeetingSummary } from './types.ts';

/** "Vergaderingen": every meeting of the round tables, newest first, with the state of its latest minutes. */
export function MeetingsPage() {
  const { m, t, date } = useMeetingsT();
  const list = useApi<{ items: MeetingSummary[] }>('/api/v1/meetings');
  const manages = useSession().may('meetings.manage');
  return (
    <>
      <PageTitle>{`${m.list.title} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {m.list.title}
      </Heading>
      <Paragraph appearance="lead">{m.list.lead}</Paragraph>
      <div className="rt-actions">
        {manages ? <RouterLink to="/vergaderingen/nieuw">{m.list.newMeeting}</RouterLink> : null}
        <RouterLink to="/openbaar/verslagen">{m.list.toPublic}</RouterLink>
      </div>
      <LoadingStatus busy={list.status === 'loading'} loadingText={t.common.loading} />
      {list.error ? <ApiErrorState error={list.error} onRetry={list.retry} /> : null}
      {list.data ? (
        list.data.items.length === 0 ? (
          <Paragraph>{m.list.empty}</Paragraph>
        ) : (
          <Table caption={m.list.caption}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{m.list.colDate}</TableHeaderCell>
                <TableHeaderCell scope="col">{m.list.colBody}</TableHeaderCell>
                <TableHeaderCell scope="col">{m.list.colPlace}</TableHeaderCell>
                <TableHeaderCell scope="col">{m.list.colMinutes}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.data.items.map((x) => (
                <TableRow key={x.id}>
                  <TableHeaderCell scope="row">
                    <RouterLink to={`/vergaderingen/${x.id}`} aria-label={m.meeting.title(x.body.name, date(x.date))}>
                      {date(x.date)}
                    </RouterLink>
                  </TableHeaderCell>
                  <TableCell>
                    <span lang="nl">{x.body.name}</span>
                  </TableCell>
                  <TableCell>{x.place ?? '–'}</TableCell>
                  <TableCell>
                    <MinutesStatusBadge status={x.minutesStatus} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )
      ) : null}
    </>
  );
}
