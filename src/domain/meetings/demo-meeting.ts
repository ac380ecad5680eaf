/**
 * The seed meeting as data: the LRT of 8 July 2022 (`/work/shared/seed/000_259c27f4d0a480eb.txt`, the minutes as
 * published under the Woo). Used for demo data and for tests of redaction against a realistic text.
 *
 * What comes from the seed: the date, the public office holders and organisations readable in it, who replaced
 * whom, the agenda titles, the points and decisions (verbatim, slips included), and the approval of the minutes of
 * 15 June. What is INVENTED: every civil servant (their names are blank in the published seed, so these are made-up
 * names of made-up people: Mw. A. de Vries, Dhr. B. Jansen, Mw. C. Visser, Mw. D. van den Berg, Dhr. E. Mulder,
 * Dhr. F. Dekker, Mw. G. Brouwer, Dhr. H. Meijer), the action holders' persons and all deadlines except the
 * capacity distribution (the seed says "in de week van 11 juli"), the agenda documents, and the standing
 * substitutes. Public office holders carry no given names or initials here: the seed names them by surname only.
 *
 * Roles chosen: Dhr. Van Rijn is treated as the chair of Aedes (he is replaced by mw. Lamers of Aedes, and I know of
 * no minister Van Rijn in the cabinet of July 2022), mw. Lamers as an Aedes board member; Dhr. Schoenmaker as chair
 * of the COA's executive board. All three are readable in the published seed, so the register marks them
 * `publicOffice: true`: the Woo keeps the names of those who speak for their organisation at this table.
 */
import { approvalLine } from './minutes.ts';
import { attendanceText, checkAttendance, type AttendanceRecord } from './attendance.ts';
import { standardBodies, type Body, type BodyMember } from './bodies.ts';
import type { AgendaItem, MinutesItem } from './minutes.ts';
import type { Person } from './people.ts';
import type { RedactableDocument } from './redaction.ts';
import { minutesTextFields } from './minutes.ts';

export const DEMO_BODY: Body = standardBodies()[0]!;
export const DEMO_MEETING_DATE = '2022-07-08';
/** The meeting whose minutes the seed meeting approves. */
export const DEMO_PREVIOUS_MEETING_DATE = '2022-06-15';

/** Public office holders, readable in the seed. */
export const DEMO_PUBLIC_PEOPLE: readonly Person[] = [
  { id: 'bruins-slot', title: 'Mw.', surname: 'Bruins Slot', organisation: 'BZK', label: 'MBZK', function: 'minister van Binnenlandse Zaken en Koninkrijksrelaties', publicOffice: true },
  { id: 'van-der-burg', title: 'Dhr.', tussenvoegsel: 'van der', surname: 'Burg', organisation: 'JenV', label: 'SJenV', function: 'staatssecretaris van Justitie en Veiligheid', publicOffice: true },
  { id: 'van-gennip', title: 'Mw.', tussenvoegsel: 'van', surname: 'Gennip', organisation: 'SZW', label: 'MSZW', function: 'minister van Sociale Zaken en Werkgelegenheid', publicOffice: true },
  { id: 'de-jonge', title: 'Dhr.', tussenvoegsel: 'de', surname: 'Jonge', organisation: 'BZK', label: 'MVRO', function: 'minister voor Volkshuisvesting en Ruimtelijke Ordening', publicOffice: true },
  { id: 'klijnsma', title: 'Mevr.', surname: 'Klijnsma', organisation: 'Rijksheren', function: 'commissaris van de Koning, namens de Rijksheren', publicOffice: true },
  { id: 'de-reus', title: 'Dhr.', tussenvoegsel: 'de', surname: 'Reus', organisation: 'IPO', function: 'gedeputeerde, namens het IPO', publicOffice: true },
  { id: 'weterings', title: 'Dhr.', surname: 'Weterings', organisation: 'VNG', function: 'burgemeester, namens de VNG', publicOffice: true },
  { id: 'groot-wassink', title: 'Dhr.', surname: 'Groot Wassink', organisation: 'VNG', function: 'wethouder, namens de VNG', publicOffice: true },
  { id: 'kompier', title: 'Mevr.', surname: 'Kompier', organisation: 'VNG', function: 'wethouder, namens de VNG', publicOffice: true },
  { id: 'van-rijn', title: 'Dhr.', tussenvoegsel: 'van', surname: 'Rijn', organisation: 'Aedes', function: 'voorzitter Aedes', publicOffice: true },
  { id: 'lamers', title: 'Mevr.', surname: 'Lamers', organisation: 'Aedes', function: 'bestuurder, namens Aedes', publicOffice: true },
  { id: 'schoenmaker', title: 'Dhr.', surname: 'Schoenmaker', organisation: 'COA', function: 'voorzitter raad van bestuur COA', publicOffice: true },
];

/** Civil servants and staff: INVENTED names (blank in the published seed). Their names must never be published. */
export const DEMO_CIVIL_SERVANTS: readonly Person[] = [
  { id: 'de-vries', title: 'Mw.', initials: 'A.', tussenvoegsel: 'de', surname: 'Vries', organisation: 'JenV', label: 'DGM', function: 'directeur-generaal Migratie', publicOffice: false },
  { id: 'jansen', title: 'Dhr.', initials: 'B.', surname: 'Jansen', organisation: 'SZW', label: 'DGSZI', function: 'directeur-generaal Sociale Zekerheid en Integratie', publicOffice: false },
  { id: 'visser', title: 'Mw.', initials: 'C.', surname: 'Visser', organisation: 'BZK', label: 'DGOBDR', function: 'directeur-generaal Openbaar Bestuur en Democratische Rechtsstaat', publicOffice: false },
  { id: 'van-den-berg', title: 'Mw.', initials: 'D.', tussenvoegsel: 'van den', surname: 'Berg', organisation: 'BZK', label: 'DGRVB', function: 'directeur-generaal Rijksvastgoedbedrijf', publicOffice: false },
  { id: 'mulder', title: 'Dhr.', initials: 'E.', surname: 'Mulder', organisation: 'BZK', label: 'DGVB', function: 'directeur-generaal Volkshuisvesting en Bouwen', publicOffice: false },
  { id: 'dekker', title: 'Dhr.', initials: 'F.', surname: 'Dekker', organisation: 'BZK', label: 'secretariaat', function: 'secretaris LRT', publicOffice: false },
  { id: 'brouwer', title: 'Mw.', initials: 'G.', surname: 'Brouwer', organisation: 'BZK', label: 'secretariaat', function: 'plaatsvervangend secretaris LRT', publicOffice: false },
  { id: 'meijer', title: 'Dhr.', initials: 'H.', surname: 'Meijer', organisation: 'BZK', label: 'ondersteuning', function: 'beleidsmedewerker', publicOffice: false },
];

export const DEMO_PEOPLE: readonly Person[] = [...DEMO_PUBLIC_PEOPLE, ...DEMO_CIVIL_SERVANTS];

/** Members of the LRT. DGSZI, DGRVB and the deputy secretary attend only as substitutes, so they are not members. */
export const DEMO_MEMBERS: readonly BodyMember[] = [
  { personId: 'bruins-slot', role: 'voorzitter' },
  { personId: 'van-der-burg', role: 'lid', standingSubstituteId: 'de-vries' },
  { personId: 'van-gennip', role: 'lid', standingSubstituteId: 'jansen' },
  { personId: 'de-jonge', role: 'lid', standingSubstituteId: 'mulder' },
  { personId: 'klijnsma', role: 'lid' },
  { personId: 'de-reus', role: 'lid' },
  { personId: 'weterings', role: 'lid' },
  { personId: 'groot-wassink', role: 'lid' },
  { personId: 'kompier', role: 'lid' },
  { personId: 'van-rijn', role: 'lid', standingSubstituteId: 'lamers' },
  { personId: 'lamers', role: 'lid' },
  { personId: 'schoenmaker', role: 'lid' },
  { personId: 'de-vries', role: 'lid' },
  { personId: 'visser', role: 'lid' },
  { personId: 'mulder', role: 'lid', standingSubstituteId: 'van-den-berg' },
  { personId: 'dekker', role: 'secretaris', standingSubstituteId: 'brouwer' },
  { personId: 'meijer', role: 'ondersteuning' },
];

/** Attendance of 8 July 2022: the seed's "Aanwezig" list and item 1 (DGRVB replaces the minister for VRO and DGVB). */
export const DEMO_ATTENDANCE: readonly AttendanceRecord[] = [
  { personId: 'bruins-slot', status: 'aanwezig' },
  { personId: 'van-der-burg', status: 'aanwezig' },
  { personId: 'klijnsma', status: 'aanwezig' },
  { personId: 'de-reus', status: 'aanwezig' },
  { personId: 'weterings', status: 'aanwezig' },
  { personId: 'groot-wassink', status: 'aanwezig' },
  { personId: 'kompier', status: 'aanwezig' },
  { personId: 'lamers', status: 'aanwezig' },
  { personId: 'de-vries', status: 'aanwezig' },
  { personId: 'visser', status: 'aanwezig' },
  { personId: 'schoenmaker', status: 'aanwezig' },
  { personId: 'meijer', status: 'aanwezig' },
  { personId: 'van-gennip', status: 'vervangen', substituteId: 'jansen' },
  { personId: 'de-jonge', status: 'vervangen', substituteId: 'van-den-berg' },
  { personId: 'mulder', status: 'vervangen', substituteId: 'van-den-berg' },
  { personId: 'van-rijn', status: 'vervangen', substituteId: 'lamers' },
  { personId: 'dekker', status: 'vervangen', substituteId: 'brouwer' },
];

export const DEMO_AGENDA: readonly AgendaItem[] = [
  { number: 1, title: 'Opening en mededelingen' },
  { number: 2, title: 'Dwingend juridisch instrumentarium', documents: [{ title: 'Brief over het dwingend juridisch instrumentarium (concept)', ref: null }] },
  { number: 3, title: 'Versnelling implementatie Uitvoeringsagenda Flexibilisering Asielketen', documents: [{ title: 'Uitvoeringsagenda Flexibilisering Asielketen', ref: null }] },
  { number: 4, title: 'Voortgang asielopgave' },
  { number: 5, title: 'Voortgang taakstelling huisvesting' },
];

/** The minutes per agenda item: the seed's bullets with the (invented) civil servants' names written in. */
export const DEMO_MINUTES_ITEMS: readonly MinutesItem[] = [
  {
    number: 1,
    title: 'Opening en mededelingen',
    points: [
      'Mw. Van Gennip kan niet aanwezig zijn en wordt vervangen door dhr. B. Jansen (DGSZI).',
      'Dhr. De Jonge kan niet aanwezig zijn en wordt vervangen door mw. D. van den Berg (DGRVB). Zij vervangt tevens dhr. E. Mulder (DGVB).',
      'Dhr. Van Rijn kan niet aanwezig zijn en wordt vervangen door mw. Lamers.',
      'Dhr. F. Dekker wordt vervangen door mw. G. Brouwer die de rol van de heer Dekker overneemt.',
    ],
    decisions: [approvalLine(DEMO_PREVIOUS_MEETING_DATE, DEMO_MEETING_DATE)],
    actions: [],
  },
  {
    number: 2,
    title: 'Dwingend juridisch instrumentarium',
    points: [
      'De opties om het dwingend juridisch instrumentarium in te richten genoemd in de brief zullen door de betrokken partijen gezamenlijk verkend worden. Financiële consequenties en uitvoerbaarheid worden in deze verkenning meegenomen.',
      'IPO verzoekt een aanpassing in de tekst onder het kopje ‘Conclusie en voorkeursvariant kabinet’, naar een meer neutrale tekst. SJenV gaat akkoord met deze wijziging.',
      'IPO vraagt daarnaast aandacht voor een goede juridische onderbouwing van de interventieladder.',
    ],
    decisions: ['De leden zijn, zodra het eerder genoemde verzoek is verwerkt, akkoord met verzending van de brief.'],
    actions: [
      { description: 'De tekst onder het kopje ‘Conclusie en voorkeursvariant kabinet’ neutraler maken, zoals IPO verzoekt, en daarna de brief verzenden.', holderOrganisation: 'JenV', holderPerson: 'Mw. A. de Vries', deadline: '2022-07-15' },
      { description: 'De opties voor het dwingend juridisch instrumentarium gezamenlijk verkennen, met de financiële consequenties en de uitvoerbaarheid.', holderOrganisation: 'JenV', holderPerson: null, deadline: '2022-09-30' },
    ],
  },
  {
    number: 3,
    title: 'Versnelling implementatie Uitvoeringsagenda Flexibilisering Asielketen',
    points: [
      'De VNG verzoekt om t.a.v. de flexibele opvang (maatregel 8) niet alleen in te zetten op pilots, maar dit structureel in te zetten en om het onderscheid tussen kansarm en kansrijk (maatregel 9) snel uit te werken.',
      'Gezamenlijke verantwoordelijkheid voor de uitvoering van de Uitvoeringsagenda is van groot belang.',
      'De PRT’s worden bij de uitvoering van de agenda nauw betrokken. Zij zullen tevens maandelijks rapporteren over de voortgang van de uitvoering.',
    ],
    decisions: ['Er wordt een escalatieladder uitgewerkt die toeziet op vervolgstappen wanneer actiehouders hun acties niet binnen de gestelde termijn realiseren. SJenV zal hier in samenwerking met MVRO op toezien.'],
    actions: [{ description: 'Een escalatieladder uitwerken voor acties die niet binnen de gestelde termijn worden gerealiseerd.', holderOrganisation: 'JenV', holderPerson: 'Mw. A. de Vries', deadline: '2022-09-01' }],
  },
  {
    number: 4,
    title: 'Voortgang asielopgave',
    points: [
      'De situatie en Ter Apel is nog steeds kritiek. Op dit moment verblijven er 2.193 asielzoekers in Ter Apel, het hoogste aantal sinds april.',
      'De acties met de Veiligheidsregio’s lopen. D komende periode zullen 7.500 statushouders uitstromen.',
      'Heeft een capaciteitsbesluit genomen, met daarin de opgave van 51.000 plekken. Dit getal is al breed gecommuniceerd.',
      'Het COA zal z.s.m. dit capaciteitsbesluit verdelen onder provincies door gebruik te maken door de eerder in de LRT vastgestelde verdeelsleutel. Deze verdeling wordt in de week van 11 juli met de provincies gedeeld.',
    ],
    decisions: [],
    actions: [{ description: 'Het capaciteitsbesluit (51.000 plekken) met de in de LRT vastgestelde verdeelsleutel verdelen over de provincies en de verdeling met de provincies delen.', holderOrganisation: 'COA', holderPerson: null, deadline: '2022-07-15' }],
  },
  {
    number: 5,
    title: 'Voortgang taakstelling huisvesting',
    points: [
      'Aedes waarschuwt voor een prijsopdrijvend effect nu op korte termijn flexwoningen worden aangeschaft. Dit schuurt met trajecten die zich tevens richten op het bijbouwen van flexwoningen die meer op de langere termijn gericht zijn.',
      'De kale taakstelling van 10.000 is behaald. Aan het einde van de taakstellingsperiode is 50% van de achtstand in gehaald.',
      'De taakstelling voor 2022-II is vastgesteld op 13.500. Er wordt bezien of een verhoging van deze taakstelling nodig is. Daarvoor zijn echter wel de juiste randvoorwaarden noodzakelijk, omdat dit een grote opdracht zal zijn voor gemeente.',
      'In de tussentijd is het van groot belang om in te zetten op de huisvesting van vergunninghouders om zo de druk op de opvang te ontlasten. De komende tijd ligt de focus op het versneld uitplaatsen van de 7.500 vergunninghouders.',
    ],
    decisions: [
      'Dergelijke trajecten dienen elkaar niet in de weg te staan. Om overzicht te creëren, is daarom afgesproken een notitie op te stellen en te verspreiden onder de leden dat een overzicht bevat van de verschillende sporen die nu lopen in het realiseren van flexwoningen.',
      'Deze randvoorwaarden worden deze zomer uitgewerkt door de HLRT.',
    ],
    actions: [
      { description: 'Een notitie opstellen en onder de leden verspreiden met een overzicht van de sporen die lopen in het realiseren van flexwoningen.', holderOrganisation: 'BZK', holderPerson: 'Mw. D. van den Berg', deadline: '2022-08-31' },
      { description: 'De randvoorwaarden voor een verhoging van de taakstelling 2022-II uitwerken.', holderOrganisation: 'HLRT', holderPerson: null, deadline: '2022-08-31' },
    ],
  },
];

/**
 * The demo minutes as one document of text fields: the attendance (present, replacements) and every free text of
 * the items. This is the unredacted source; redaction makes the public version.
 */
export function demoDocument(): RedactableDocument {
  const summary = checkAttendance(
    DEMO_MEMBERS.map((m) => m.personId),
    DEMO_ATTENDANCE,
  );
  const text = attendanceText(DEMO_PEOPLE, summary);
  const fields: Record<string, string> = { 'attendance.present': text.present };
  text.replacements.forEach((line, i) => (fields[`attendance.replacements[${i}]`] = line));
  return { fields: { ...fields, ...minutesTextFields(DEMO_MINUTES_ITEMS) } };
}
