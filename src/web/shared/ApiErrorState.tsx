import { Navigate, useLocation } from 'react-router';
import type { ApiError } from '../api/client.ts';
import { loginPath } from '../auth/returnPath.ts';
import { useT } from '../i18n/index.tsx';
import { Alert, Button, Paragraph } from '../ui/index.ts';

/**
 * What a failed request shows: what happened in plain words, the server's detail, and a way to try again.
 * The server is the authority on access: 401 sends to the login page (and back), 403 shows "Geen toegang".
 */
export function ApiErrorState({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { t } = useT();
  const location = useLocation();
  if (error.status === 401) {
    return <Navigate to={loginPath(location.pathname + location.search)} replace state={{ sessionEnded: true }} />;
  }
  if (error.status === 403) {
    // The page around it has its heading already; this says why its data is missing.
    return (
      <Alert type="error" role="alert" heading={t.access.forbiddenTitle}>
        <Paragraph>{t.access.forbiddenBody}</Paragraph>
        {error.detail ? <Paragraph lang="nl">{error.detail}</Paragraph> : null}
        <Paragraph>{t.access.forbiddenHelp}</Paragraph>
      </Alert>
    );
  }
  return (
    <Alert type="error" role="alert" heading={t.common.errorTitle}>
      <Paragraph>{t.common.errorBody}</Paragraph>
      {/* The server writes its problem details in Dutch, also when the interface is English. */}
      {error.detail ? <Paragraph lang="nl">{error.detail}</Paragraph> : null}
      <Paragraph appearance="small">{t.common.errorDetail(error.code)}</Paragraph>
      <Button
        appearance="secondary"
        onClick={() => {
          // The button disappears while loading; park focus on the heading so keyboard users keep their place.
          document.querySelector<HTMLElement>('main h1')?.focus();
          onRetry();
        }}
      >
        {t.common.retry}
      </Button>
    </Alert>
  );
}
