import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { ResourceScope } from '../../domain/access/policies.ts';
import { useT } from '../i18n/index.tsx';
import { ForbiddenPage } from '../pages/ForbiddenPage.tsx';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import { Heading, LoadingStatus } from '../ui/index.ts';
import type { Policy } from './access.ts';
import { loginPath } from './returnPath.ts';
import { useSession } from './session.tsx';

/**
 * A page for signed-in users (with `policy`: only those whose roles allow it). Anonymous visitors go to the login
 * page, which brings them back here; others see "Geen toegang" and no data. The server checks again on every
 * request, so this only saves a pointless round trip and a confusing half-empty page.
 */
export function RequireAccess({ policy, scope, children }: { policy?: Policy; scope?: ResourceScope; children: ReactNode }) {
  const session = useSession();
  const { t } = useT();
  const location = useLocation();
  if (session.status === 'loading') {
    return (
      <>
        <Heading level={1} tabIndex={-1}>
          {t.common.loading}
        </Heading>
        <LoadingStatus busy loadingText={t.common.loading} />
      </>
    );
  }
  if (session.status === 'error' && session.error) return <ApiErrorState error={session.error} onRetry={session.reload} />;
  if (!session.user) {
    // Just logged out here: home, as the user menu does; otherwise the login page, which brings them back.
    if (session.loggedOut) return <Navigate to="/" replace />;
    return <Navigate to={loginPath(location.pathname + location.search)} replace state={{ loginNeeded: true }} />;
  }
  if (policy && !session.may(policy, scope)) return <ForbiddenPage />;
  return <>{children}</>;
}
