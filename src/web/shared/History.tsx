import { useEffect, useRef } from 'react';
import type { AuditPage } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { useT } from '../i18n/index.tsx';
import {
  Heading,
  Link,
  LoadingStatus,
  Paragraph,
} from '../ui/index.ts';
import { ApiErrorState } from './ApiErrorState.tsx';
import { AuditTable } from './AuditTable.tsx';

export function historyPath(resourceType: string, resourceId: string): string {
  // The id may hold a slash (GM0757/2020-01-01): encoded, it stays one path segment.
  return `/api/v1/history/${encodeURIComponent(resourceType)}/${encodeURIComponent(resourceId)}`;
}

/**
 * The history of one record from the audit trail: who changed what when, field by field, newest first, with a CSV
 * download of the same. `refreshKey` changes after the page saved the record, so the new entry shows at once.
 */
export function History({
  resourceType,
  resourceId,
  what,
  refreshKey,
}: {
  resourceType: string;
  resourceId: string;
  /** The record in words, for the caption: "Geschiedenis van {what}". */
  what: string;
  refreshKey?: unknown;
}) {
  const { t } = useT();
  const path = historyPath(resourceType, resourceId);
  const history = useApi<AuditPage>(path);
  const { retry } = history;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    retry();
  }, [refreshKey, retry]);

  const items = history.data?.items ?? [];
  return (
    <section aria-labelledby="geschiedenis">
      <Heading level={2} id="geschiedenis">
        {t.history.title}
      </Heading>
      <LoadingStatus busy={history.status === 'loading'} loadingText={t.common.loading} />
      {history.error ? <ApiErrorState error={history.error} onRetry={history.retry} /> : null}
      {history.data ? (
        items.length === 0 ? (
          <Paragraph>{t.history.empty}</Paragraph>
        ) : (
          <AuditTable caption={t.history.caption(what)} items={items} />
        )
      ) : null}
      {history.data ? (
        <Paragraph>
          <Link href={`${path}?format=csv`} download>
            {t.history.download}
          </Link>
        </Paragraph>
      ) : null}
    </section>
  );
}
