import { lazy, Suspense, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { asApiError, send } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import { useSession } from '../auth/session.tsx';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import {
  Alert,
  Button,
  Heading,
  Link,
  LoadingStatus,
  PageTitle,
  Paragraph,
  RouterLink,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '../ui/index.ts';
import { MinutesStatusBadge, useMeetingsT } from './common.tsx';
import { addedByServer } from './logic.ts';
import type { CreatedState } from './NewMeetingPage.tsx';
import type { Meeting, Minutes } from './types.ts';
import { WooReview } from './WooReview.tsx';

const AttendanceEditor = lazy(() => import('./manage.ts').then((x) => ({ default: x.AttendanceEditor })));

/**
 * One meeting: its agenda, who attended (and who replaced whom), the minutes approved in it, and the versions of its
 * own minutes with their documents. The secretariat reviews and publishes the approved minutes under the Woo here.
 */
export function MeetingPage() {
  const { id } = useParams();
  const { m, t, date } = useMeetingsT();
  const session = useSession();
  const navigate = useNavigate();
  const created = (useLocation().state as CreatedState | null)?.created ?? null;
  const meeting = useApi<Meeting>(`/api/v1/meetings/${encodeURIComponent(id ?? '')}`);
  // What the attendance form saved answers with the whole meeting; show that until the meeting is loaded anew.
  const [saved, setSaved] = useState<Meeting | null>(null);
  const x = saved && saved.id === meeting.data?.id ? saved : meeting.data;
  const title = x ? m.meeting.title(x.body.name, date(x.date)) : m.list.title;
  const approved = x?.minutes.find((v) => v.status === 'vastgesteld') ?? null;
  const manages = session.may('meetings.manage');
  const latest = x?.minutes[0] ?? null;
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const added = x && created ? addedByServer(x.agenda, created.requestedItems) : [];

  /** The first version from the agenda, or a correction of approved minutes; then on to the editor. */
  async function startMinutes() {
    if (!x) return;
    setStarting(true);
    setStartError(null);
    try {
      const { data } = await send<Minutes>('POST', `/api/v1/meetings/${x.id}/minutes`, {});
      void navigate(`/vergaderingen/${x.id}/notulen/${data.id}`);
    } catch (e) {
      const error = asApiError(e);
      setStartError(error.detail ?? error.title);
      setStarting(false);
    }
  }

  return (
    <>
      <PageTitle>{`${title} – ${t.app.titleSuffix}`}</PageTitle>
      <Paragraph>
        <RouterLink to="/vergaderingen">{m.meeting.back}</RouterLink>
      </Paragraph>
      <Heading level={1} tabIndex={-1}>
        {title}
      </Heading>
      <LoadingStatus busy={meeting.status === 'loading'} loadingText={t.common.loading} />
      {meeting.error ? <ApiErrorState error={meeting.error} onRetry={meeting.retry} /> : null}
      {x ? (
        <>
          {created ? (
            <Alert type="ok" role="status" heading={m.meeting.created}>
              {added.length > 0 ? (
                <>
                  <Paragraph>{m.meeting.proposalsAdded(added.length)}</Paragraph>
                  <UnorderedList>
                    {added.map((a) => (
                      <UnorderedListItem key={a.id} lang="nl">
                        {`${a.number}. ${a.title}`}
                      </UnorderedListItem>
                    ))}
                  </UnorderedList>
                </>
              ) : null}
            </Alert>
          ) : null}
          {x.place ? <Paragraph>{m.meeting.place(x.place)}</Paragraph> : null}

          <Heading level={2}>{m.meeting.agenda}</Heading>
          <Paragraph appearance="small">
            {m.meeting.paperLinks(m.meeting.agenda)}{' '}
            <Link href={`/api/v1/meetings/${x.id}/document?kind=agenda&format=html`} aria-label={m.meeting.paperLabel(m.meeting.agenda, 'HTML')}>
              HTML
            </Link>{' '}
            <Link href={`/api/v1/meetings/${x.id}/document?kind=agenda&format=pdf`} aria-label={m.meeting.paperLabel(m.meeting.agenda, 'PDF')}>
              PDF
            </Link>
          </Paragraph>
          {x.agenda.length === 0 ? (
            <Paragraph>{m.meeting.noAgenda}</Paragraph>
          ) : (
            <ol className="rt-meetings-agenda" aria-label={m.meeting.agenda}>
              {x.agenda.map((item) => (
                <li key={item.id} value={item.number}>
                  <span lang="nl">{item.title}</span>
                  {item.documents.length > 0 ? (
                    <UnorderedList aria-label={`${m.meeting.documents}: ${item.title}`}>
                      {item.documents.map((d, i) => (
                        <UnorderedListItem key={i}>
                          <span lang="nl">{d.title}</span>
                          {d.ref ? <span className="rt-meetings-ref"> ({d.ref})</span> : null}
                        </UnorderedListItem>
                      ))}
                    </UnorderedList>
                  ) : null}
                </li>
              ))}
            </ol>
          )}

          <Heading level={2}>{m.meeting.attendance}</Heading>
          <Paragraph appearance="small">
            {m.meeting.paperLinks(m.meeting.attendanceList)}{' '}
            <Link href={`/api/v1/meetings/${x.id}/document?kind=presentielijst&format=html`} aria-label={m.meeting.paperLabel(m.meeting.attendanceList, 'HTML')}>
              HTML
            </Link>{' '}
            <Link href={`/api/v1/meetings/${x.id}/document?kind=presentielijst&format=pdf`} aria-label={m.meeting.paperLabel(m.meeting.attendanceList, 'PDF')}>
              PDF
            </Link>
          </Paragraph>
          {x.attendance.length === 0 ? (
            <Paragraph>{m.meeting.noAttendance}</Paragraph>
          ) : (
            <Table caption={m.meeting.attendanceCaption}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{m.meeting.colName}</TableHeaderCell>
                  <TableHeaderCell scope="col">{m.meeting.colOrganisation}</TableHeaderCell>
                  <TableHeaderCell scope="col">{m.meeting.colStatus}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {x.attendance.map((a) => (
                  <TableRow key={a.personId}>
                    <TableHeaderCell scope="row">{a.name}</TableHeaderCell>
                    <TableCell>{a.organisation}</TableCell>
                    <TableCell>
                      {a.status === 'vervangen' && a.substituteName ? m.meeting.replacedBy(a.substituteName) : (m.attendance[a.status] ?? a.status)}
                      {a.note ? <span lang="nl"> ({a.note})</span> : null}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {manages ? (
            <Suspense fallback={<LoadingStatus busy loadingText={t.common.loading} />}>
              <AttendanceEditor meeting={x} onSaved={setSaved} />
            </Suspense>
          ) : null}

          <Heading level={2}>{m.meeting.approvals}</Heading>
          {x.approvals.length === 0 ? (
            <Paragraph>{m.meeting.noApprovals}</Paragraph>
          ) : (
            <UnorderedList>
              {x.approvals.map((a) => (
                <UnorderedListItem key={a.minutesId} lang="nl">
                  {a.line}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )}

          <Heading level={2}>{m.meeting.minutes}</Heading>
          {x.minutes.length === 0 ? (
            <Paragraph>{m.meeting.noMinutesYet}</Paragraph>
          ) : (
            <Table caption={m.meeting.minutesCaption}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{m.meeting.colVersion}</TableHeaderCell>
                  <TableHeaderCell scope="col">{m.meeting.colMinutesStatus}</TableHeaderCell>
                  <TableHeaderCell scope="col">{m.meeting.colApprovedOn}</TableHeaderCell>
                  <TableHeaderCell scope="col">{m.meeting.colDocument}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {x.minutes.map((v) => (
                  <TableRow key={v.id}>
                    <TableHeaderCell scope="row">{m.meeting.versionLabel(v.version)}</TableHeaderCell>
                    <TableCell>
                      <MinutesStatusBadge status={v.status} />
                    </TableCell>
                    <TableCell>{v.approvedOn ? date(v.approvedOn) : m.meeting.notApproved}</TableCell>
                    <TableCell>
                      <Link href={`/api/v1/minutes/${v.id}/document?format=html`} aria-label={m.meeting.documentLabel('HTML', v.version)}>
                        HTML
                      </Link>{' '}
                      <Link href={`/api/v1/minutes/${v.id}/document?format=pdf`} aria-label={m.meeting.documentLabel('PDF', v.version)}>
                        PDF
                      </Link>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}

          {manages ? (
            <>
              {latest && latest.status !== 'vastgesteld' ? (
                <Paragraph>
                  <RouterLink to={`/vergaderingen/${x.id}/notulen/${latest.id}`}>{m.meeting.manageMinutes(latest.version)}</RouterLink>
                </Paragraph>
              ) : (
                <div className="rt-actions">
                  <Button appearance="secondary" disabled={starting} onClick={() => void startMinutes()}>
                    {starting ? m.meeting.startingMinutes : latest ? m.meeting.correctMinutes : m.meeting.startMinutes}
                  </Button>
                </div>
              )}
              {startError ? (
                <Alert type="error" role="alert" heading={m.meeting.startFailed}>
                  <Paragraph lang="nl">{startError}</Paragraph>
                </Alert>
              ) : null}
            </>
          ) : null}

          {approved && session.may('woo.publish') ? <WooReview key={approved.id} minutesId={approved.id} version={approved.version} /> : null}
        </>
      ) : null}
    </>
  );
}
