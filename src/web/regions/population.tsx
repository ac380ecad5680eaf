import type { Coverage, Population, PopulationStatus } from '../api/types.ts';
import { useT } from '../i18n/index.tsx';
import { Alert, Paragraph, StatusBadge, type BadgeTone } from '../ui/index.ts';

/** Ids of the footnotes that badges point to with aria-describedby. */
export const NOTE_IDS: Record<PopulationStatus, string | null> = {
  onofficieel: 'toelichting-onofficieel',
  voorlopig: 'toelichting-voorlopig',
  officieel: null,
};

const TONES: Record<PopulationStatus, BadgeTone> = { officieel: 'success', voorlopig: 'neutral', onofficieel: 'warning' };

/** The inhabitants, or, when the server has no figure, its Dutch reason why (marked lang="nl" in the English UI). */
export function PopulationValue({ population }: { population: Population }) {
  const { number, t } = useT();
  if (population.inhabitants !== null) return <>{number(population.inhabitants)}</>;
  return (
    <span className="rt-figure-missing" lang={population.missing ? 'nl' : undefined}>
      {population.missing ?? t.common.notAvailable}
    </span>
  );
}

/**
 * The status of a figure as text in a badge. An unofficial one is styled as a warning, gets a warning sign and
 * points to the explanation under the table, so the status is clear without colour and without hovering.
 */
export function PopulationStatusBadge({ status }: { status: PopulationStatus | null }) {
  const { t } = useT();
  if (status === null) return <StatusBadge tone="neutral">{t.status.unknown}</StatusBadge>;
  const note = NOTE_IDS[status];
  return (
    <StatusBadge tone={TONES[status]} aria-describedby={note ?? undefined}>
      {status === 'onofficieel' ? <span aria-hidden="true">⚠ </span> : null}
      {t.status[status]}
    </StatusBadge>
  );
}

/** The footnotes for the statuses that occur in a table; badges refer to them by id. */
export function StatusNotes({ statuses }: { statuses: ReadonlySet<PopulationStatus | null> }) {
  const { t } = useT();
  return (
    <>
      {statuses.has('onofficieel') ? (
        <Paragraph className="rt-footnote" id={NOTE_IDS.onofficieel ?? undefined}>
          <span aria-hidden="true">⚠ </span>
          {t.status.unofficialExplanation}
        </Paragraph>
      ) : null}
      {statuses.has('voorlopig') ? (
        <Paragraph className="rt-footnote" id={NOTE_IDS.voorlopig ?? undefined}>
          {t.status.provisionalExplanation}
        </Paragraph>
      ) : null}
    </>
  );
}

/**
 * The notice at the top of a page that shows any unofficial figure. It names the reference date and, when the
 * server knows it, how far the unofficial sum is from the CBS national total.
 */
export function UnofficialNotice({
  populations,
  coverage,
}: {
  populations: readonly Population[];
  coverage: Coverage | null;
}) {
  const { t, date, number } = useT();
  const unofficial = populations.filter((p) => p.status === 'onofficieel');
  if (unofficial.length === 0) return null;
  const referenceDates = [...new Set(unofficial.map((p) => p.referenceDate).filter((d): d is string => d !== null))].sort();
  const covered = coverage?.referenceDates.find((r) => r.referenceDate === referenceDates[0] && r.status === 'onofficieel');
  return (
    // role=status: it appears when the data arrives, and a polite announcement is enough; an alert would interrupt.
    <Alert type="warning" role="status" heading={t.status.noticeTitle}>
      <Paragraph>
        {t.status.noticeBody(referenceDates.map(date).join(', ') || t.status.unknown)}{' '}
        {covered && covered.nationalTotal !== null && covered.nationalTotal !== covered.sum
          ? t.status.noticeSum(number(covered.sum), number(covered.nationalTotal))
          : null}
      </Paragraph>
    </Alert>
  );
}
