/** The menu item, kept apart from messages.ts so the main bundle does not carry this feature's texts. */
export const DASHBOARD_NAV_LABEL = { nl: 'Dashboard', en: 'Dashboard' } as const;
