/**
 * The accessibility statement (toegankelijkheidsverklaring), after the structure of the Dutch model statement: the
 * standard, the compliance status and how it was established, the known limitations with their alternative,
 * feedback and the date. Dutch defines the keys; English must have the same shape (`AccessibilityMessages`).
 * Keep it true: change the status and the limitations when the tests or an audit say otherwise.
 */
export const nl = {
  title: 'Toegankelijkheidsverklaring',
  lead: 'Iedereen moet de Regietafel kunnen gebruiken, ook met een schermlezer, vergroting of alleen een toetsenbord. Deze verklaring geldt voor alle pagina’s van deze webapplicatie, ook die na het inloggen, en voor de documenten die zij aanbiedt.',
  standardTitle: 'Welke norm geldt',
  standard:
    'Als overheidstoepassing moet de Regietafel voldoen aan het Besluit digitale toegankelijkheid overheid. Dat verwijst naar de Europese norm EN 301 549, met voor webpagina’s de Web Content Accessibility Guidelines (WCAG) 2.1 op niveau AA.',
  statusTitle: 'Nalevingsstatus: eerste maatregelen genomen',
  status:
    'Er is nog geen onderzoek door een onafhankelijke deskundige gedaan, dus wij kunnen niet aantonen dat de Regietafel aan alle eisen voldoet. Wat wij wel doen:',
  measures: [
    'Bij elke wijziging van de software opent een test elke pagina in een browser zonder scherm (Chromium), als de rol die de pagina mag zien, en controleert haar met axe-core. Een ernstige of kritieke bevinding laat de test mislukken.',
    'Dezelfde test controleert per pagina dat de link ‘Naar de inhoud’ de eerste tabstop is en naar de hoofdinhoud leidt, dat er één hoofdkop is en de koppen geen niveau overslaan, dat kop, menu, hoofdinhoud en voettekst als zodanig herkenbaar zijn, en dat alles wat u kunt bedienen met de Tab-toets bereikbaar is en zichtbaar de focus krijgt.',
    'Automatische controles vinden maar een deel van de problemen. Een handmatig onderzoek volgens WCAG-EM moet nog plaatsvinden.',
  ],
  limitationsTitle: 'Bekende beperkingen',
  limitations: [
    'De gemeentekaarten bij de taakstelling en bij een verdeling over gemeenten tonen naam en cijfer van een gemeente alleen als u met de muis over de gemeente beweegt. Dezelfde cijfers staan in de tabel bij de kaart. Op de pagina Kaarten en op de kaarten met provincies bereikt u elk gebied met het toetsenbord.',
    'PDF-documenten (notulen, agenda, presentielijst, openbare verslagen en het maandoverzicht van de rapportages) hebben een titel en een taal, maar koppen en opsommingen zijn er niet als structuur in vastgelegd; een schermlezer leest ze als doorlopende tekst. Gebruik de HTML-versie van hetzelfde document, of voor het maandoverzicht de rapportages zelf op de pagina’s onder Rapportages.',
    'Meldingen van de server, bijvoorbeeld over een fout in een bestand, zijn altijd Nederlands, ook in de Engelse versie. De meeste zijn als Nederlandse tekst gemarkeerd, zodat een schermlezer ze in het Nederlands voorleest, maar nog niet overal.',
  ],
  feedbackTitle: 'Feedback en contact',
  feedback:
    'Kunt u iets niet lezen of bedienen? Meld het aan het secretariaat van de Landelijke Regietafel of aan de beheerder van de Regietafel in uw organisatie. Noem de pagina, wat u wilde doen en welk hulpmiddel u gebruikt. Wij zoeken dan met u naar een oplossing en sturen u de informatie zo nodig op een andere manier.',
  complaint: 'Bent u niet tevreden met de afhandeling? Dan kunt u zich wenden tot de Nationale ombudsman.',
  dateTitle: 'Datum',
  date: (date: string) => `Deze verklaring is opgesteld op ${date}, op basis van de tests van die dag.`,
};

export type AccessibilityMessages = typeof nl;

export const en: AccessibilityMessages = {
  title: 'Accessibility statement',
  lead: 'Everyone should be able to use Regietafel, also with a screen reader, magnification or a keyboard alone. This statement covers every page of this web application, including those after signing in, and the documents it offers.',
  standardTitle: 'Which standard applies',
  standard:
    'As a government application, Regietafel must meet the Dutch Decree on digital accessibility of government bodies (Besluit digitale toegankelijkheid overheid). It refers to the European standard EN 301 549, which for web pages contains the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA.',
  statusTitle: 'Compliance status: first measures taken',
  status: 'No independent expert has examined Regietafel yet, so we cannot show that it meets every requirement. What we do:',
  measures: [
    'On every change of the software a test opens every page in a headless browser (Chromium), as the role allowed to see it, and checks it with axe-core. A serious or critical finding makes the test fail.',
    'The same test checks on each page that the “Skip to content” link is the first tab stop and leads to the main content, that there is one main heading and the headings skip no level, that header, menu, main content and footer are marked as such, and that everything you can operate is reachable with the Tab key and visibly takes the focus.',
    'Automated checks find only part of the problems. A manual evaluation following WCAG-EM has yet to take place.',
  ],
  limitationsTitle: 'Known limitations',
  limitations: [
    'The municipal maps of the housing quota and of a distribution over municipalities show a municipality’s name and figure only when you move the mouse over it. The same figures are in the table beside the map. On the Maps page and on the maps of provinces you reach every area with the keyboard.',
    'PDF documents (minutes, agenda, attendance list, public minutes and the monthly overview of the reports) have a title and a language, but their headings and lists are not recorded as structure; a screen reader reads them as running text. Use the HTML version of the same document, or for the monthly overview the reports themselves on the pages under Reports.',
    'Messages from the server, for example about an error in a file, are always in Dutch, also in the English version. Most are marked as Dutch text, so a screen reader reads them out in Dutch, but not yet everywhere.',
  ],
  feedbackTitle: 'Feedback and contact',
  feedback:
    'Is there something you cannot read or operate? Report it to the secretariat of the national Regietafel or to your organisation’s Regietafel administrator. Name the page, what you wanted to do and which assistive technology you use. We will look for a solution with you and, if needed, send you the information another way.',
  complaint: 'Not satisfied with how your report was handled? You can turn to the National Ombudsman (Nationale ombudsman).',
  dateTitle: 'Date',
  date: (date: string) => `This statement was drawn up on ${date}, based on the tests of that day.`,
};
