/** The menu item, kept apart from messages.ts so the main bundle does not carry this feature's texts. */
export const LEDGER_NAV_LABEL = { nl: 'Taakstelling', en: 'Housing quota' } as const;
