import type { ApiError } from '../api/client.ts';
import { useT } from '../i18n/index.tsx';
import { Alert, Button, Paragraph } from '../ui/index.ts';

/** What a failed request shows: what happened in plain words, the server's detail, and a way to try again. */
export function ApiErrorState({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { t } = useT();
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
