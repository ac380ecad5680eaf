import { useT } from '../i18n/index.tsx';
import { PROVINCE_FEATURES } from '../regions/map-data.ts';
import { StatusBadge } from '../ui/index.ts';
import { euro, ratePercent } from './chart-math.ts';
import { en, nl, type ReceptionMessages } from './messages.ts';

/** The shared i18n context plus this feature's own messages (`m`) and the number formats its pages need. */
export function useReceptionT() {
  const i18n = useT();
  const m: ReceptionMessages = i18n.lang === 'en' ? en : nl;
  const locale = i18n.lang === 'nl' ? 'nl-NL' : 'en-GB';
  const one = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const shortMonth = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  return {
    ...i18n,
    m,
    locale,
    /** null → "–". */
    maybe: (n: number | null | undefined) => (n === null || n === undefined ? m.noValue : i18n.number(n)),
    /** A share of a whole: 13914 of 14250 → "97,6 %". */
    rate: (part: number, whole: number) => {
      const p = ratePercent(part, whole);
      return p === null ? m.noValue : `${one.format(p)} %`;
    },
    /** A percentage already multiplied by 100: 109.7 → "109,7 %". */
    percentOne: (p: number) => `${one.format(p)} %`,
    /** Tenths of a percent from the server (1169 → "116,9 %"), exact: no division in floating point. */
    tenths: (t: number | null) => (t === null ? m.noValue : `${i18n.number(Math.trunc(t / 10))}${i18n.lang === 'nl' ? ',' : '.'}${Math.abs(t % 10)} %`),
    /** −12 with a real minus sign; +12; 0. */
    signed: (n: number) => (n < 0 ? `−${i18n.number(-n)}` : n > 0 ? `+${i18n.number(n)}` : i18n.number(0)),
    /** Euro cents, exact: 37500000 → "€ 375.000,00". */
    euro: (cents: number) => euro(cents, locale),
    /** '2022-06' → "juni 2022". */
    month: (ym: string) => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${ym}-01T00:00:00Z`)),
    /** '2022-06-01' → "jun" (an axis label). */
    shortMonth: (iso: string) => shortMonth.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
  };
}

const PROVINCE_NAMES = new Map(PROVINCE_FEATURES.features.map((f) => [f.properties.statcode, f.properties.statnaam]));

/** 'PV20' → 'Groningen'. */
export function provinceName(code: string): string {
  return PROVINCE_NAMES.get(code) ?? code;
}

/** "boven de norm" in the danger tone, "binnen de norm" neutral; the word carries the meaning, the colour repeats it. */
export function NormBadge({ over }: { over: boolean }) {
  const { m } = useReceptionT();
  return <StatusBadge tone={over ? 'danger' : 'success'}>{over ? m.national.overNorm : m.national.withinNorm}</StatusBadge>;
}
