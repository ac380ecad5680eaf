export type Lang = 'nl' | 'en';

// English uses en-GB: day-month-year like Dutch, so dates read the same way in both languages.
const LOCALES: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

const numberFormats = new Map<Lang, Intl.NumberFormat>();
const dateFormats = new Map<Lang, Intl.DateTimeFormat>();

/** `formatNumber(13500, 'nl')` → '13.500'; `formatNumber(13500, 'en')` → '13,500' */
export function formatNumber(n: number, lang: Lang): string {
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 })));
  return f.format(n);
}

/** `formatDate('2022-07-08', 'nl')` → '8 juli 2022'; in English '8 July 2022'. */
export function formatDate(iso: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  let f = dateFormats.get(lang);
  // UTC on both sides: a calendar date must not shift a day in a browser west of Greenwich.
  if (!f) dateFormats.set(lang, (f = new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })));
  return f.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

const dateTimeFormats = new Map<Lang, Intl.DateTimeFormat>();

/**
 * `formatDateTime('2022-07-08T12:03:00Z', 'nl')` → '8 juli 2022 14:03'. Always in Dutch time (Europe/Amsterdam):
 * the audit trail is about what happened at the table, wherever the reader's computer is.
 */
export function formatDateTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  let f = dateTimeFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Europe/Amsterdam',
    });
    dateTimeFormats.set(lang, f);
  }
  return f.format(d).replace(' om ', ' ').replace(' at ', ' ').replace(', ', ' ');
}

export function isLang(x: unknown): x is Lang {
  return x === 'nl' || x === 'en';
}
