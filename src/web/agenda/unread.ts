import { useEffect, useState } from 'react';
import { getJson } from '../api/client.ts';

/** Sent by the inbox page after marking a notification read, so the menu's count follows at once. */
const INBOX_CHANGED = 'regietafel:meldingen-gewijzigd';

export function announceInboxChanged() {
  window.dispatchEvent(new Event(INBOX_CHANGED));
}

/**
 * How many unread notifications the signed-in user has, for the menu (null while unknown or signed out). Asked again
 * on every page change and when the inbox page says it changed; the escalation job adds notifications in between.
 */
export function useUnreadCount(userId: number | null, pathname: string): number | null {
  const [state, setState] = useState<{ userId: number; unread: number } | null>(null);
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    const changed = () => setChanges((n) => n + 1);
    window.addEventListener(INBOX_CHANGED, changed);
    return () => window.removeEventListener(INBOX_CHANGED, changed);
  }, []);

  useEffect(() => {
    if (userId === null) return;
    const controller = new AbortController();
    getJson<{ unread: number }>('/api/v1/inbox?unread=true', controller.signal).then(
      (inbox) => setState({ userId, unread: inbox.unread }),
      () => undefined, // Without a count the menu item still leads to the inbox.
    );
    return () => controller.abort();
  }, [userId, pathname, changes]);

  return userId !== null && state?.userId === userId ? state.unread : null;
}
