import { useT } from '../i18n/index.tsx';
import { RouterLink } from '../ui/index.ts';
import { en, nl, type DashboardMessages } from './messages.ts';
import type { Figure } from './types.ts';

export { PROVINCES, provinceName } from '../shared/roles.ts';

/** The shared i18n context plus this feature's own messages (`m`) and the formats its pages need. */
export function useDashboardT() {
  const i18n = useT();
  const m: DashboardMessages = i18n.lang === 'en' ? en : nl;
  const locale = i18n.lang === 'nl' ? 'nl-NL' : 'en-GB';
  const one = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return {
    ...i18n,
    m,
    locale,
    /** null → "–". */
    maybe: (n: number | null | undefined) => (n === null || n === undefined ? m.noValue : i18n.number(n)),
    /** 87.3 → "87,3 %"; null → "–". */
    percent: (p: number | null) => (p === null ? m.noValue : `${one.format(p)} %`),
    /** −12 with a real minus sign; +12; 0. */
    signed: (n: number) => (n < 0 ? `−${i18n.number(-n)}` : n > 0 ? `+${i18n.number(n)}` : i18n.number(0)),
    /** '2022-07' → "juli 2022". */
    month: (ym: string) => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${ym}-01T00:00:00Z`)),
  };
}

/** "stand per 8 juli 2022 · bron: COA-bezettingsopgave" under a figure or a table. */
export function FigureMeta({ asOf, source }: { asOf: string | null; source: string }) {
  const { m, date } = useDashboardT();
  return (
    <p className="rt-dash-meta">
      {asOf ? <span>{m.asOfLine(date(asOf))}</span> : null}
      <span lang="nl">{m.sourceLine(source)}</span>
    </p>
  );
}

/** One figure as a card: label, value, its date and source, and a link to its detail. */
export function FigureCard({ label, figure, text, note }: { label: string; figure: Figure<number | null>; text?: string; note?: string }) {
  const { m, maybe } = useDashboardT();
  return (
    <div className="rt-dash-card" data-testid={`figure-${label}`}>
      <dt>{label}</dt>
      <dd>
        <span className="rt-dash-card__value">{text ?? maybe(figure.value)}</span>
        {note ? <span className="rt-dash-card__note">{note}</span> : null}
        <FigureMeta asOf={figure.asOf} source={figure.source} />
        <RouterLink to={figure.href}>{m.details(label)}</RouterLink>
      </dd>
    </div>
  );
}
