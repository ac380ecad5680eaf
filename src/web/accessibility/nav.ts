/** The footer link to the statement, kept apart from messages.ts so the main bundle does not carry its texts. */
export const ACCESSIBILITY_NAV_LABEL = { nl: 'Toegankelijkheid', en: 'Accessibility' } as const;
