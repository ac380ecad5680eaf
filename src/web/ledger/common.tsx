import { parseHalfYear } from '../../domain/distribution/housing-quota.ts';
import { useT } from '../i18n/index.tsx';
import { StatusBadge, type BadgeTone } from '../ui/index.ts';
import { en, nl, type LedgerMessages } from './messages.ts';
import type { LadderStep, MapClass, PaceStatus } from './types.ts';

export { provinceName, PROVINCE_CODES } from '../distribution/common.tsx';

/** The shared i18n context plus this feature's own messages (`m`) and a few number formats. */
export function useLedgerT() {
  const i18n = useT();
  const m: LedgerMessages = i18n.lang === 'en' ? en : nl;
  const locale = i18n.lang === 'nl' ? 'nl-NL' : 'en-GB';
  const one = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return {
    ...i18n,
    m,
    locale,
    /** 90.5 → "90,5 %" (a percentage already multiplied by 100); null → "–". */
    percent: (p: number | null) => (p === null ? m.noValue : `${one.format(p)} %`),
    /** 0.659 → "65,9 %". */
    share: (s: number | null) => (s === null ? m.noValue : `${one.format(Math.round(s * 1000) / 10)} %`),
    /** −12 with a real minus sign; 0 as 0. */
    signed: (n: number) => (n < 0 ? `−${i18n.number(-n)}` : n > 0 ? `+${i18n.number(n)}` : i18n.number(0)),
    /** '2022-09' → "september 2022". */
    month: (ym: string) => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${ym}-01T00:00:00Z`)),
    step: (s: LadderStep) => m.steps[s] ?? s,
  };
}

const PACE_TONES: Record<PaceStatus, BadgeTone> = { 'op schema': 'success', 'licht achter': 'warning', achter: 'danger', vrijgesteld: 'neutral' };

export function PaceBadge({ status }: { status: PaceStatus | null }) {
  const { m } = useLedgerT();
  if (!status) return <>{m.noValue}</>;
  return <StatusBadge tone={PACE_TONES[status] ?? 'neutral'}>{m.pace[status] ?? status}</StatusBadge>;
}

const CLASS_TONES: Record<MapClass, BadgeTone> = { behaald: 'success', bijna: 'warning', achter: 'danger', 'geen taak': 'neutral' };

export function ClassBadge({ value }: { value: MapClass }) {
  const { m } = useLedgerT();
  return <StatusBadge tone={CLASS_TONES[value] ?? 'neutral'}>{m.classShort[value] ?? value}</StatusBadge>;
}

/** The last day of a half-year, as the server counts it: `periodEnd('2022-II')` → '2022-12-31'. */
export const periodEnd = (period: string) => parseHalfYear(period).lastDay;

