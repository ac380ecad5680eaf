/** The menu item, kept apart from messages.ts so the main bundle does not carry this feature's texts. */
export const PIPELINE_NAV_LABEL = { nl: 'Woningpijplijn', en: 'Housing pipeline' } as const;
