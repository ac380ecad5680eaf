/** The home page's link to /kaarten, kept apart from messages.ts so the main bundle does not carry this feature's texts. */
export const MAPS_NAV_LABEL = { nl: 'Kaarten', en: 'Maps' } as const;
export const MAPS_HOME_TEXT = {
  nl: 'Taakstelling, achterstand en opvang per gemeente of provincie op de kaart, met dezelfde cijfers als tabel en als download.',
  en: 'Housing quota, backlog and reception per municipality or province on the map, with the same figures as a table and as a download.',
} as const;
