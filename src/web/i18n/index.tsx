import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en.ts';
import { formatDate, formatDateTime, formatNumber, isLang, type Lang } from './format.ts';
import { nl, type Messages } from './nl.ts';

export type { Lang } from './format.ts';
export type { Messages } from './nl.ts';

const CATALOGUES: Record<Lang, Messages> = { nl, en };
const STORAGE_KEY = 'regietafel.lang';

export interface I18n {
  lang: Lang;
  t: Messages;
  setLang: (lang: Lang) => void;
  number: (n: number) => string;
  date: (iso: string) => string;
  /** A moment, e.g. of an audit entry: '8 juli 2022 14:03' (Dutch time). */
  dateTime: (iso: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

function storedLang(): Lang {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    if (isLang(value)) return value;
  } catch {
    // Storage can be blocked (privacy settings); Dutch is the default anyway.
  }
  return 'nl';
}

export function I18nProvider({ children, initialLang }: { children: ReactNode; initialLang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initialLang ?? storedLang());

  useEffect(() => {
    // Screen readers pick their voice from <html lang>, so it must follow the interface language.
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembering the choice is acceptable; switching still works for this visit.
    }
  }, []);

  const value = useMemo<I18n>(
    () => ({
      lang,
      t: CATALOGUES[lang],
      setLang,
      number: (n) => formatNumber(n, lang),
      date: (iso) => formatDate(iso, lang),
      dateTime: (iso) => formatDateTime(iso, lang),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT() needs an <I18nProvider> above it');
  return value;
}
