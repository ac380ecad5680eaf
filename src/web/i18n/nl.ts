/**
 * Dutch is the first language: this catalogue defines the keys, and `en.ts` must provide exactly the same ones
 * (its type is `Messages`, so a missing or extra key fails `tsc`). Texts with values are functions.
 */
export const nl = {
  app: {
    name: 'Regietafel',
    tagline: 'Regie op opvang en huisvesting',
    skipLink: 'Naar de inhoud',
    mainNav: 'Hoofdmenu',
    home: 'Home',
    regions: "Regio's",
    apiDocs: 'API-documentatie',
    languageSwitch: 'Taal',
    switchTo: 'English',
    switchToLang: 'en',
    switchToLabel: 'Switch to English',
    footer:
      'Regietafel ondersteunt de Landelijke en Provinciale Regietafels Migratie en Integratie. Bevolkingscijfers: CBS, tenzij anders vermeld.',
    titleSuffix: 'Regietafel',
  },
  common: {
    loading: 'Gegevens worden geladen…',
    loaded: 'Gegevens geladen.',
    errorTitle: 'De gegevens konden niet worden geladen',
    errorBody: 'Probeer het opnieuw. Blijft het misgaan, meld het dan aan de beheerder.',
    errorDetail: (code: string) => `Foutcode: ${code}`,
    retry: 'Opnieuw proberen',
    backToRegions: "Terug naar het overzicht van regio's",
    sortBy: (column: string) => `Sorteer op ${column}`,
    sortedBy: (column: string, ascending: boolean) =>
      `Gesorteerd op ${column}, ${ascending ? 'oplopend' : 'aflopend'}.`,
    notAvailable: 'niet beschikbaar',
  },
  home: {
    title: 'Regietafel',
    lead: 'Eén plek voor de cijfers en afspraken waarmee Rijk, provincies, gemeenten en het COA samen de opvang van asielzoekers en de huisvesting van statushouders regelen.',
    whoTitle: 'Wie aan tafel zitten',
    who: [
      'De Landelijke Regietafel Migratie en Integratie (LRT) verdeelt de landelijke opgave. Aan tafel zitten de betrokken bewindspersonen, het IPO, de VNG, Aedes, het COA en de Commissarissen van de Koning.',
      'In elke provincie zet een Provinciale Regietafel (PRT) het provinciale deel om in afspraken per gemeente en meldt zij maandelijks de voortgang aan de LRT.',
      'Het Centraal Orgaan opvang asielzoekers (COA) beheert de opvanglocaties en stelt vast hoeveel opvangplaatsen nodig zijn (het capaciteitsbesluit).',
      'Gemeenten huisvesten vergunninghouders volgens hun taakstelling: een deel van het landelijke aantal per halfjaar, naar rato van hun inwonertal.',
    ],
    whatTitle: 'Wat u hier vindt',
    regionsLink: "Regio's: provincies en gemeenten",
    regionsText:
      'De gemeentelijke indeling per jaar met inwonertallen, de basis voor verdeelsleutels en taakstellingen. Bij elk cijfer staat of het officieel is.',
    apiDocsLink: 'API-documentatie',
    apiDocsText: 'Beschrijving van de koppelvlakken voor eigen analyses en systemen.',
    openApiLink: 'OpenAPI-document (JSON)',
    openApiText: 'De machineleesbare beschrijving van dezelfde API.',
  },
  status: {
    officieel: 'officieel',
    voorlopig: 'voorlopig',
    onofficieel: 'onofficieel',
    unknown: 'onbekend',
    unofficialExplanation: 'Onofficieel cijfer: niet door het CBS vastgesteld; gebruik het niet voor besluiten.',
    provisionalExplanation: 'Voorlopig cijfer: het CBS kan dit cijfer nog bijstellen.',
    noticeTitle: 'Let op: deze pagina toont onofficiële cijfers',
    noticeBody: (referenceDate: string) =>
      `De inwonertallen op peildatum ${referenceDate} zijn niet door het CBS vastgesteld. Gebruik ze niet voor besluiten.`,
    noticeSum: (sum: string, total: string) =>
      `Opgeteld komen de gemeenten uit op ${sum} inwoners; het CBS-totaal voor Nederland is ${total}.`,
  },
  basis: {
    'eigen cijfer': 'eigen cijfer',
    'som voorgangers': 'som van voorgangers',
    'vastgesteld door provincie': 'vastgesteld door provincie',
  },
  regions: {
    title: "Regio's",
    lead: 'Provincies en gemeenten volgens de gemeentelijke indeling van het gekozen jaar, met het inwonertal waarop verdeelsleutels en taakstellingen rusten.',
    yearLabel: 'Jaar',
    yearDescription: 'Gemeentelijke indeling op 1 januari van dit jaar.',
    showYear: 'Toon jaar',
    boundaryAndReference: (boundary: string, reference: string) =>
      `Indeling op ${boundary}; inwoners op peildatum ${reference}.`,
    noReference: (boundary: string) => `Indeling op ${boundary}. Voor dit jaar zijn nog geen inwonertallen beschikbaar.`,
    mapTitle: 'Kaart van de provincies',
    mapDescription:
      'Kaart van Nederland met de twaalf provincies, gekleurd naar inwonertal. Elke provincie is een link naar haar gemeenten. De tabel hieronder bevat dezelfde gegevens.',
    mapHint: 'Kies een provincie op de kaart of in de tabel.',
    mapLinkName: (name: string, inhabitants: string, status: string) => `${name}: ${inhabitants} inwoners (${status})`,
    mapLinkNameMissing: (name: string) => `${name}: geen inwonertal beschikbaar`,
    legendTitle: 'Inwoners',
    legendNoFigure: 'geen cijfer',
    legendBelow: (n: string) => `minder dan ${n}`,
    legendRange: (a: string, b: string) => `${a} tot ${b}`,
    legendFrom: (n: string) => `${n} of meer`,
    tableCaption: (year: number) => `Provincies in ${year}`,
    tableCaptionHint: 'Kies een kolomkop om te sorteren.',
    colCode: 'Code',
    colName: 'Naam',
    colMunicipalities: 'Gemeenten',
    colPopulation: 'Inwoners',
    colReferenceDate: 'Peildatum',
    colStatus: 'Status',
    colBasis: 'Basis',
    total: 'Totaal',
  },
  province: {
    titleLoading: (code: string) => `Provincie ${code}`,
    lead: (count: number, year: number) =>
      `${count} ${count === 1 ? 'gemeente' : 'gemeenten'} volgens de indeling van ${year}.`,
    population: 'Inwoners van de provincie',
    outline: (name: string) => `Ligging van ${name} in Nederland`,
    tableCaption: (name: string, year: number) => `Gemeenten in ${name} in ${year}`,
    notFoundTitle: 'Provincie niet gevonden',
    notFoundBody: (code: string) => `Er is geen provincie met de code ${code}.`,
    sourcesTitle: 'Bronnen',
    reorganisationsTitle: 'Gemeentelijke herindelingen',
    reorganisationsCaption: (name: string, year: number) => `Herindelingen die gemeenten in ${name} in ${year} raken`,
    colDate: 'Datum',
    colOld: 'Oude gemeente',
    colNew: 'Nieuwe gemeente',
    colKind: 'Soort',
    kind: {
      samenvoeging: 'samenvoeging',
      toevoeging: 'toevoeging',
      opsplitsing: 'opsplitsing',
    },
  },
  notFound: {
    title: 'Pagina niet gevonden',
    body: 'Deze pagina bestaat niet (meer). Controleer het adres of ga naar de startpagina.',
    home: 'Naar de startpagina',
  },
};

export type Messages = typeof nl;
