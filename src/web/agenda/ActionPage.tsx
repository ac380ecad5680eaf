import { useState } from 'react';
import { useParams } from 'react-router';
import { useVersioned } from '../api/useVersioned.ts';
import { useSession } from '../auth/session.tsx';
import { daysBetween } from '../../domain/agenda/dates.ts';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import {
  Heading,
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
} from '../ui/index.ts';
import { ActionUpdateForm } from './ActionUpdateForm.tsx';
import { ActionStatusBadge, OverdueBadge, useAgendaT } from './common.tsx';
import { dutchToday } from './logic.ts';
import { isClosed, type ActionDetail, type ActionUpdate } from './types.ts';

/** One line of the history: the day, the text, and what it changed ("open → loopt", "termijn … → …"). */
function HistoryItem({ update }: { update: ActionUpdate }) {
  const { m, date, dateTime, status } = useAgendaT();
  return (
    <li className="rt-agenda-timeline__item">
      <p className="rt-agenda-timeline__date">
        <strong>{date(update.date)}</strong>
      </p>
      <p lang="nl">{update.text}</p>
      {update.statusBefore && update.statusAfter ? (
        <p className="rt-agenda-change">
          <span className="rt-agenda-change__label">{m.detail.statusChange}:</span> {status(update.statusBefore)} → {status(update.statusAfter)}
        </p>
      ) : null}
      {update.deadlineBefore && update.deadlineAfter ? (
        <p className="rt-agenda-change">
          <span className="rt-agenda-change__label">{m.detail.deadlineChange}:</span> {date(update.deadlineBefore)} → {date(update.deadlineAfter)}
        </p>
      ) : null}
      <p className="rt-agenda-sub">{m.detail.recorded(update.recordedBy, dateTime(update.recordedAt))}</p>
    </li>
  );
}

export function ActionPage() {
  const { m, t, date, dateTime, province, number } = useAgendaT();
  const session = useSession();
  const raw = useParams().id ?? '';
  const id = /^\d+$/.test(raw) ? Number(raw) : null;
  const action = useVersioned<ActionDetail>(id === null ? null : `/api/v1/actions/${id}`);
  // While the action reloads (after a conflict), keep showing the last one, so the form and its text stay put.
  const [last, setLast] = useState<{ data: ActionDetail; version: number | null } | null>(null);
  if (action.data && action.data !== last?.data) setLast({ data: action.data, version: action.version });
  const shown = action.data ? { data: action.data, version: action.version } : action.status === 'loading' && last?.data.id === id ? last : null;
  const a = shown?.data ?? null;
  const title = id === null ? m.detail.notFound : m.detail.title(id);
  const manages = session.may('agenda.manage');
  const today = dutchToday();

  return (
    <>
      <PageTitle>{`${title} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {title}
      </Heading>
      <div className="rt-actions">
        <RouterLink to="/acties">{m.detail.back}</RouterLink>
      </div>
      {action.status === 'loading' && !a && id !== null ? <LoadingStatus busy loadingText={t.common.loading} /> : null}
      {action.error ? <ApiErrorState error={action.error} onRetry={action.reload} /> : null}
      {a ? (
        <>
          <Paragraph appearance="lead" lang="nl">
            {a.description}
          </Paragraph>
          <section aria-labelledby="agenda-facts">
            <Heading level={2} id="agenda-facts">
              {m.detail.facts}
            </Heading>
            <dl className="rt-details">
              <dt>{m.detail.status}</dt>
              <dd data-testid="action-status">
                <ActionStatusBadge status={a.status} />
              </dd>
              <dt>{m.detail.deadline}</dt>
              <dd data-testid="action-deadline">
                {date(a.deadline)}
                {a.overdue ? (
                  <>
                    {' '}
                    <OverdueBadge /> <span className="rt-agenda-sub">{m.detail.overdueDays(daysBetween(a.deadline, today), number(daysBetween(a.deadline, today)))}</span>
                  </>
                ) : null}
              </dd>
              <dt>{m.detail.programme}</dt>
              <dd>
                {a.programme.code}: {a.programme.name}
              </dd>
              <dt>{m.detail.measure}</dt>
              <dd>
                {a.measure.number}: {a.measure.title}
              </dd>
              <dt>{m.detail.holder}</dt>
              <dd>
                {[a.holder.organisation, a.holder.person, a.holder.email].filter(Boolean).join(', ')}
              </dd>
              <dt>{m.detail.province}</dt>
              <dd>{province(a.provinceCode)}</dd>
              <dt>{m.detail.origin}</dt>
              <dd>{a.origin ?? m.noValue}</dd>
              <dt>{m.detail.createdBy}</dt>
              <dd>
                {a.createdBy}, {dateTime(a.createdAt)}
              </dd>
            </dl>
          </section>

          <section aria-labelledby="agenda-escalation">
            <Heading level={2} id="agenda-escalation">
              {m.detail.escalationTitle}
            </Heading>
            <Paragraph data-testid="next-step">
              {a.nextStep ? m.detail.next(a.nextStep.name, date(a.nextStep.dueOn)) : isClosed(a.status) ? m.detail.nextClosed : m.detail.nextNone}
            </Paragraph>
            {a.escalations.length === 0 ? (
              <Paragraph>{m.detail.noFired}</Paragraph>
            ) : (
              <Table caption={m.detail.firedCaption}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{m.detail.colLevel}</TableHeaderCell>
                    <TableHeaderCell scope="col">{m.detail.colKind}</TableHeaderCell>
                    <TableHeaderCell scope="col">{m.detail.colForDeadline}</TableHeaderCell>
                    <TableHeaderCell scope="col">{m.detail.colDueOn}</TableHeaderCell>
                    <TableHeaderCell scope="col">{m.detail.colFiredAt}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {a.escalations.map((f) => (
                    <TableRow key={`${f.deadline}-${f.level}`}>
                      <TableCell>{f.level}</TableCell>
                      <TableHeaderCell scope="row">{m.kinds[f.kind] ?? f.kind}</TableHeaderCell>
                      <TableCell className="rt-nowrap">{date(f.deadline)}</TableCell>
                      <TableCell className="rt-nowrap">{date(f.dueOn)}</TableCell>
                      <TableCell className="rt-nowrap">{dateTime(f.firedAt)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </section>

          <section aria-labelledby="agenda-history">
            <Heading level={2} id="agenda-history">
              {m.detail.historyTitle}
            </Heading>
            {a.updates.length === 0 ? (
              <Paragraph>{m.detail.noHistory}</Paragraph>
            ) : (
              <ol className="rt-agenda-timeline" aria-labelledby="agenda-history">
                {[...a.updates].reverse().map((u) => (
                  <HistoryItem key={u.id} update={u} />
                ))}
              </ol>
            )}
          </section>

          {manages ? (
            <ActionUpdateForm
              action={a}
              version={shown?.version ?? null}
              onSaved={action.replace}
              onReload={action.reload}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}
