import { useState } from 'react';
import { asApiError, send } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import { Alert, Button, Heading, LoadingStatus, PageTitle, Paragraph, RouterLink, StatusBadge } from '../ui/index.ts';
import { useAgendaT } from './common.tsx';
import { inboxOrder } from './logic.ts';
import type { Inbox, Notification } from './types.ts';
import { announceInboxChanged } from './unread.ts';

/**
 * "Meldingen": the notifications of the escalation ladder for the user, their role and their province. Unread ones
 * come first and are marked in words; "Markeer als gelezen" changes one at a time, says so in a live region, and
 * leaves the list in place (focus moves to the notification itself, as its button is gone).
 */
export function InboxPage() {
  const { m, t, dateTime } = useAgendaT();
  const inbox = useApi<Inbox>('/api/v1/inbox');
  // Marked in this visit; the list keeps its order until the page is loaded again.
  const [marked, setMarked] = useState<ReadonlySet<number>>(new Set());
  const [busy, setBusy] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  // Sorted once per answer, so nothing jumps while the user works through the list.
  const [sorted, setSorted] = useState<{ from: Inbox; items: Notification[] } | null>(null);
  if (inbox.data && sorted?.from !== inbox.data) setSorted({ from: inbox.data, items: inboxOrder(inbox.data.items) });
  const items = inbox.data && sorted?.from === inbox.data ? sorted.items : [];
  const isRead = (n: Notification) => n.read || marked.has(n.id);
  const unread = items.filter((n) => !isRead(n)).length;

  async function markRead(n: Notification) {
    setBusy(n.id);
    setFailure(null);
    try {
      await send<{ id: number; read: boolean }>('POST', `/api/v1/inbox/${n.id}/read`);
      setMarked((set) => new Set(set).add(n.id));
      setAnnouncement(m.inbox.marked(n.title));
      announceInboxChanged();
      requestAnimationFrame(() => document.getElementById(`melding-${n.id}`)?.focus());
    } catch (e) {
      const error = asApiError(e);
      setFailure(error.detail ?? m.inbox.markFailed);
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <PageTitle>{`${m.inbox.title} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {m.inbox.title}
      </Heading>
      <Paragraph appearance="lead">{m.inbox.lead}</Paragraph>
      <p className="rt-status-line" role="status" aria-live="polite">
        {announcement}
      </p>
      {failure ? (
        <Alert type="error" role="alert" heading={m.inbox.markFailed}>
          <Paragraph lang="nl">{failure}</Paragraph>
        </Alert>
      ) : null}
      <LoadingStatus busy={inbox.status === 'loading'} loadingText={t.common.loading} />
      {inbox.error ? <ApiErrorState error={inbox.error} onRetry={inbox.retry} /> : null}
      {inbox.data ? (
        items.length === 0 ? (
          <Paragraph>{m.inbox.empty}</Paragraph>
        ) : (
          <>
            <Paragraph data-testid="inbox-count">{m.inbox.count(unread, items.length)}</Paragraph>
            <ul className="rt-agenda-inbox" aria-label={m.inbox.listLabel}>
              {items.map((n) => {
                const read = isRead(n);
                return (
                  <li key={n.id} className={read ? 'rt-agenda-inbox__item' : 'rt-agenda-inbox__item rt-agenda-inbox__item--unread'}>
                    <Heading level={2} className="rt-agenda-inbox__title" id={`melding-${n.id}`} tabIndex={-1}>
                      {read ? null : (
                        <>
                          <StatusBadge tone="warning">
                            <span aria-hidden="true">● </span>
                            {m.inbox.unread}
                          </StatusBadge>{' '}
                        </>
                      )}
                      <span lang="nl">{n.title}</span>
                    </Heading>
                    <p className="rt-agenda-sub">{m.inbox.received(dateTime(n.createdAt))}</p>
                    <p lang="nl">{n.body}</p>
                    <div className="rt-actions">
                      {n.link ? (
                        <RouterLink to={n.link} aria-label={m.inbox.openLabel(n.title)}>
                          {m.inbox.open}
                        </RouterLink>
                      ) : null}
                      {read ? null : (
                        <Button appearance="secondary" disabled={busy === n.id} aria-label={m.inbox.markReadLabel(n.title)} onClick={() => void markRead(n)}>
                          {busy === n.id ? m.inbox.marking : m.inbox.markRead}
                        </Button>
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
          </>
        )
      ) : null}
    </>
  );
}
