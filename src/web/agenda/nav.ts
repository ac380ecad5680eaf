/**
 * The menu items of the action agenda, the reports and the inbox, kept apart from messages.ts so the main bundle does
 * not carry this feature's texts.
 */
import type { Lang } from '../i18n/index.tsx';
import type { NavItem } from '../ui/index.ts';

export const AGENDA_NAV_LABEL = { nl: 'Acties', en: 'Actions' } as const;
export const REPORTS_NAV_LABEL = { nl: 'Rapportages', en: 'Reports' } as const;
export const INBOX_NAV_LABEL = { nl: 'Meldingen', en: 'Notifications' } as const;

/** "Meldingen (3 nieuw)": the count is part of the link's text, so a screen reader hears it too. */
export function inboxNavLabel(lang: Lang, unread: number | null): string {
  if (!unread) return INBOX_NAV_LABEL[lang];
  return lang === 'nl' ? `${INBOX_NAV_LABEL.nl} (${unread} nieuw)` : `${INBOX_NAV_LABEL.en} (${unread} new)`;
}

const within = (pathname: string, base: string) => pathname === base || pathname.startsWith(`${base}/`);

/** The items for a signed-in user: the agenda and reports for those who may read them, the inbox for everyone. */
export function agendaNavItems(opts: { lang: Lang; pathname: string; signedIn: boolean; readsAgenda: boolean; unread: number | null }): NavItem[] {
  const { lang, pathname } = opts;
  if (!opts.signedIn) return [];
  const items: NavItem[] = [];
  if (opts.readsAgenda) {
    items.push({ to: '/acties', label: AGENDA_NAV_LABEL[lang], current: within(pathname, '/acties') });
    items.push({ to: '/rapportages', label: REPORTS_NAV_LABEL[lang], current: within(pathname, '/rapportages') });
  }
  items.push({ to: '/meldingen', label: inboxNavLabel(lang, opts.unread), current: within(pathname, '/meldingen') });
  return items;
}
