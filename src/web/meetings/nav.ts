/**
 * The menu items of the meetings and the public Woo minutes, kept apart from messages.ts so the main bundle does not
 * carry this feature's texts.
 */
import type { Lang } from '../i18n/index.tsx';
import type { NavItem } from '../ui/index.ts';

export const PUBLIC_MINUTES_NAV_LABEL = { nl: 'Openbare verslagen', en: 'Public minutes' } as const;
export const MEETINGS_NAV_LABEL = { nl: 'Vergaderingen', en: 'Meetings' } as const;

const within = (pathname: string, base: string) => pathname === base || pathname.startsWith(`${base}/`);

/** "Openbare verslagen" for everyone (also anonymous visitors); "Vergaderingen" for those who may read meetings. */
export function meetingsNavItems(opts: { lang: Lang; pathname: string; readsMeetings: boolean }): NavItem[] {
  const { lang, pathname } = opts;
  const items: NavItem[] = [];
  if (opts.readsMeetings) items.push({ to: '/vergaderingen', label: MEETINGS_NAV_LABEL[lang], current: within(pathname, '/vergaderingen') });
  items.push({ to: '/openbaar/verslagen', label: PUBLIC_MINUTES_NAV_LABEL[lang], current: within(pathname, '/openbaar/verslagen') });
  return items;
}
