import { useT } from '../i18n/index.tsx';
import { en, nl, type ProjectionMessages } from './messages.ts';

/** The shared i18n context plus this feature's own messages (`m`) and its number formats. */
export function useProjectionT() {
  const i18n = useT();
  const m: ProjectionMessages = i18n.lang === 'en' ? en : nl;
  const locale = i18n.lang === 'nl' ? 'nl-NL' : 'en-GB';
  const one = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const three = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const axisMonth = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return {
    ...i18n,
    m,
    locale,
    /** 0.05 → "0,05" (up to three decimals). */
    decimal: (n: number) => three.format(n),
    /** A share of runs: 0.7689 → "76,9 %". */
    share: (s: number) => `${one.format(Math.round(s * 1000) / 10)} %`,
    /** A difference of two shares in percentage points: −0.5489 → "−54,9". */
    pointsDifference: (d: number) => {
      const v = Math.round(d * 1000) / 10;
      return v < 0 ? `−${one.format(-v)}` : v > 0 ? `+${one.format(v)}` : one.format(0);
    },
    /** −12 with a real minus sign; +12; 0 (rounded to whole persons). */
    signed: (n: number) => {
      const r = Math.round(n);
      return r < 0 ? `−${i18n.number(-r)}` : r > 0 ? `+${i18n.number(r)}` : i18n.number(0);
    },
    /** '2022-07-04' → "jul 2022" (an axis label). */
    axisMonth: (iso: string) => axisMonth.format(new Date(`${iso}T00:00:00Z`)),
  };
}
