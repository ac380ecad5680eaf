import { useT } from '../i18n/index.tsx';
import { provinceName } from '../shared/roles.ts';
import { Alert, Button, Paragraph, StatusBadge, type BadgeTone } from '../ui/index.ts';
import { en, nl, type AgendaMessages } from './messages.ts';
import type { ActionStatus } from './types.ts';

export { PROVINCES, provinceName } from '../shared/roles.ts';

/** The shared i18n context plus this feature's own messages (`m`) and a few formats. */
export function useAgendaT() {
  const i18n = useT();
  const m: AgendaMessages = i18n.lang === 'en' ? en : nl;
  const locale = i18n.lang === 'nl' ? 'nl-NL' : 'en-GB';
  const one = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return {
    ...i18n,
    m,
    locale,
    /** 91.7 → "91,7 %"; null (nothing expected) → "–". */
    percent: (p: number | null) => (p === null ? m.noValue : `${one.format(p)} %`),
    /** '2022-07' → "juli 2022". */
    month: (ym: string) => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${ym}-01T00:00:00Z`)),
    status: (s: ActionStatus) => m.status[s] ?? s,
    /** 'PV27' → "Noord-Holland"; null (a national action) → "landelijk". */
    province: (code: string | null) => (code ? provinceName(code) : m.nationalAction),
  };
}

const STATUS_TONES: Record<ActionStatus, BadgeTone> = { open: 'neutral', loopt: 'neutral', gereed: 'success', vertraagd: 'warning', vervallen: 'neutral' };

/** The status in words; its colour only repeats them. */
export function ActionStatusBadge({ status }: { status: ActionStatus }) {
  const { status: label } = useAgendaT();
  return <StatusBadge tone={STATUS_TONES[status] ?? 'neutral'}>{label(status)}</StatusBadge>;
}

/** "⚠ over de termijn": a sign and words, never colour alone. */
export function OverdueBadge() {
  const { m } = useAgendaT();
  return (
    <StatusBadge tone="danger">
      <span aria-hidden="true">⚠ </span>
      {m.overdue}
    </StatusBadge>
  );
}

/** After a 412: nothing was saved; the input stays until the user chooses to load the current version. */
export function ConflictAlert({ title, body, onReload }: { title: string; body: string; onReload: () => void }) {
  const { m } = useAgendaT();
  return (
    <Alert type="error" role="alert" heading={title}>
      <Paragraph>{body}</Paragraph>
      <Button
        appearance="secondary"
        onClick={() => {
          // The alert goes away with the reload; park focus on the heading so keyboard users keep their place.
          document.querySelector<HTMLElement>('main h1')?.focus();
          onReload();
        }}
      >
        {m.reload}
      </Button>
    </Alert>
  );
}

