/** The user menu's item, kept apart from the messages so the main bundle does not carry this feature's texts. */
export const TASKS_NAV_LABEL = { nl: 'Mijn taken', en: 'My tasks' } as const;
