/** The menu item, kept apart from messages.ts so the main bundle does not carry this feature's texts. */
export const RECEPTION_NAV_LABEL = { nl: 'Opvang', en: 'Reception' } as const;
