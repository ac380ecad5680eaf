/** The menu item, kept apart from messages.ts so the main bundle does not carry this feature's texts. */
export const PROJECTION_NAV_LABEL = { nl: 'Prognose', en: 'Projection' } as const;
