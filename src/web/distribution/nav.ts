/** The menu item, kept apart from messages.ts so the main bundle does not carry this feature's texts. */
export const DISTRIBUTION_NAV_LABEL = { nl: 'Verdeling', en: 'Distribution' } as const;
