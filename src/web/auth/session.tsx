import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { asApiError, getJson, send, setCsrfToken, setUnauthorizedHandler, type ApiError } from '../api/client.ts';
import type { Session, User } from '../api/types.ts';
import { may, type Policy } from './access.ts';
import type { ResourceScope } from '../../domain/access/policies.ts';

export interface SessionState {
  /** loading until the first answer of GET /api/v1/session. */
  status: 'loading' | 'ready' | 'error';
  user: User | null;
  oidcEnabled: boolean;
  error: ApiError | null;
  /** The user logged out in this tab: pages for signed-in users then go home, not to the login page. */
  loggedOut: boolean;
  /** Whether the signed-in user may do this (the same rules as the server). */
  may: (policy: Policy, scope?: ResourceScope) => boolean;
  /** Takes over the session a successful login answered with. */
  signedIn: (session: Session) => void;
  signOut: () => Promise<void>;
  reload: () => void;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [loggedOut, setLoggedOut] = useState(false);

  const apply = useCallback((next: Session) => {
    setCsrfToken(next.csrfToken);
    if (next.user) setLoggedOut(false);
    setSession(next);
    setError(null);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    getJson<Session>('/api/v1/session', controller.signal).then(apply, (e: unknown) => {
      if (!controller.signal.aborted) setError(asApiError(e));
    });
    return () => controller.abort();
  }, [apply, attempt]);

  useEffect(() => {
    // The server says the session is gone (expired, logged out elsewhere): show the app as anonymous from now on.
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setSession((s) => (s && s.user ? { ...s, user: null, csrfToken: null, via: 'anonymous' } : s));
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await send<null>('DELETE', '/api/v1/session');
    } catch (e) {
      // A session that already ended is what we wanted; anything else the caller shows.
      if (asApiError(e).status !== 401) throw e;
    }
    setCsrfToken(null);
    setLoggedOut(true);
    setSession((s) => ({ user: null, csrfToken: null, via: 'anonymous', oidcEnabled: s?.oidcEnabled ?? false }));
  }, []);

  const value = useMemo<SessionState>(() => {
    const user = session?.user ?? null;
    return {
      status: session ? 'ready' : error ? 'error' : 'loading',
      user,
      oidcEnabled: session?.oidcEnabled ?? false,
      error,
      loggedOut,
      may: (policy, scope) => may(user, policy, scope),
      signedIn: apply,
      signOut,
      reload: () => setAttempt((n) => n + 1),
    };
  }, [session, error, loggedOut, apply, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() needs a <SessionProvider> above it');
  return value;
}
