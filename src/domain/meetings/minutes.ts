/**
 * Minutes (verslag) per meeting and their approval. Rules chosen:
 * - Status only moves forward, one step at a time: concept → verstuurd (sent to the members) → vastgesteld.
 * - Minutes are approved (vastgesteld) at a later meeting of the table, never on the day itself or before; the
 *   approving meeting records it as 'Het verslag van 15 juni is vastgesteld.'.
 * - Concept and sent minutes may be edited (members' remarks are worked in before approval); approved minutes never
 *   change: a correction is a new version, numbered one higher, which starts again as concept.
 */
import { isDate } from '../agenda/dates.ts';
import { MeetingError } from './errors.ts';

export const MINUTES_STATUSES = ['concept', 'verstuurd', 'vastgesteld'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

export const MINUTES_STATUS_LABELS: Record<MinutesStatus, string> = {
  concept: 'Concept',
  verstuurd: 'Verstuurd aan de leden',
  vastgesteld: 'Vastgesteld',
};

export function isMinutesStatus(value: unknown): value is MinutesStatus {
  return (MINUTES_STATUSES as readonly unknown[]).includes(value);
}

function checkStatus(value: unknown, field: string): MinutesStatus {
  if (isMinutesStatus(value)) return value;
  throw new MeetingError('status-onbekend', `${field}: '${String(value)}' is geen status van een verslag; kies concept, verstuurd of vastgesteld.`, { field });
}

/**
 * Checks a status change: only to the next status. `checkMinutesTransition('concept', 'verstuurd')` passes;
 * `checkMinutesTransition('verstuurd', 'concept')` and `('concept', 'vastgesteld')` throw 'statusovergang-ongeldig'.
 */
export function checkMinutesTransition(from: MinutesStatus, to: MinutesStatus): void {
  const a = MINUTES_STATUSES.indexOf(checkStatus(from, 'status'));
  const b = MINUTES_STATUSES.indexOf(checkStatus(to, 'status'));
  if (b === a + 1) return;
  const why =
    b <= a
      ? from === 'vastgesteld'
        ? 'een vastgesteld verslag verandert niet meer; maak een nieuwe versie als correctie'
        : 'een verslag gaat niet terug in status'
      : 'een verslag wordt eerst aan de leden verstuurd en daarna vastgesteld';
  throw new MeetingError('statusovergang-ongeldig', `status: van ${from} naar ${to} kan niet: ${why}.`, { field: 'status' });
}

/** True while the minutes may still change (concept or sent). `canEdit('vastgesteld')` → false */
export function canEdit(status: MinutesStatus): boolean {
  return checkStatus(status, 'status') !== 'vastgesteld';
}

/** Throws 'notulen-vastgesteld' when the minutes may not change. */
export function checkEditable(status: MinutesStatus): void {
  if (!canEdit(status)) throw new MeetingError('notulen-vastgesteld', 'status: een vastgesteld verslag verandert niet meer; maak een nieuwe versie als correctie.', { field: 'status' });
}

function checkIsoDate(value: string, field: string): string {
  if (isDate(value)) return value;
  throw new MeetingError('datum-ongeldig', `${field}: '${String(value)}' is geen geldige datum; schrijf bijvoorbeeld 2022-07-08.`, { field });
}

/**
 * Minutes are approved at a later meeting than the one they record (ISO dates). With `status`, it must be
 * 'verstuurd': the members have had them first.
 * `checkApproval({ minutesMeetingDate: '2022-06-15', approvingMeetingDate: '2022-07-08' })` passes; the same date throws.
 */
export function checkApproval(input: { minutesMeetingDate: string; approvingMeetingDate: string; status?: MinutesStatus }): void {
  const own = checkIsoDate(input.minutesMeetingDate, 'minutesMeetingDate');
  const at = checkIsoDate(input.approvingMeetingDate, 'approvingMeetingDate');
  if (input.status !== undefined) checkMinutesTransition(input.status, 'vastgesteld');
  if (at <= own) {
    throw new MeetingError('vaststelling-te-vroeg', `approvingMeetingDate: het verslag van ${dutchDate(own)} wordt vastgesteld in een latere vergadering, niet op ${dutchDate(at)}.`, { field: 'approvingMeetingDate' });
  }
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** `dutchDate('2022-07-08')` → '8 juli 2022'; `dutchDate('2022-06-15', { year: false })` → '15 juni' */
export function dutchDate(iso: string, options: { year?: boolean } = {}): string {
  checkIsoDate(iso, 'date');
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return options.year === false ? `${d} ${MONTHS[m - 1]!}` : `${d} ${MONTHS[m - 1]!} ${y}`;
}

/**
 * The line the approving meeting records. Like the seed it leaves out the year, which the reader knows from the
 * meeting; it adds the year when the approving meeting is given and falls in another year (December minutes
 * approved in January). `withChanges` for minutes approved with members' amendments.
 * `approvalLine('2022-06-15')` → 'Het verslag van 15 juni is vastgesteld.';
 * `approvalLine('2022-12-14', '2023-01-18')` → 'Het verslag van 14 december 2022 is vastgesteld.'
 */
export function approvalLine(minutesMeetingDate: string, approvingMeetingDate?: string, options: { withChanges?: boolean } = {}): string {
  const own = checkIsoDate(minutesMeetingDate, 'minutesMeetingDate');
  const at = approvingMeetingDate === undefined ? undefined : checkIsoDate(approvingMeetingDate, 'approvingMeetingDate');
  const date = dutchDate(own, { year: at !== undefined && at.slice(0, 4) !== own.slice(0, 4) });
  return options.withChanges ? `Het verslag van ${date} is met inachtneming van de wijzigingen vastgesteld.` : `Het verslag van ${date} is vastgesteld.`;
}

/**
 * The version number for new minutes of a meeting: 1 for the first; after approved minutes the next number (a
 * correction). While the latest version is not approved there is nothing to correct: edit that one instead.
 * `nextVersion([])` → 1; `nextVersion([{ version: 1, status: 'vastgesteld' }])` → 2
 */
export function nextVersion(existing: readonly { version: number; status: MinutesStatus }[]): number {
  if (existing.length === 0) return 1;
  existing.forEach((e, i) => {
    if (!Number.isSafeInteger(e.version) || e.version < 1) throw new MeetingError('versie-ongeldig', `existing[${i}].version: een versie is een geheel getal vanaf 1, niet ${String(e.version)}.`, { field: `existing[${i}].version` });
  });
  const latest = existing.reduce((a, b) => (b.version > a.version ? b : a));
  if (latest.status !== 'vastgesteld') {
    throw new MeetingError('notulen-niet-vastgesteld', `version: versie ${latest.version} is nog ${latest.status}; pas die aan in plaats van een nieuwe versie te maken.`, { field: 'version' });
  }
  return latest.version + 1;
}

export interface AgendaDocument {
  title: string;
  ref?: string | null;
}

export interface AgendaItem {
  number: number;
  title: string;
  documents?: AgendaDocument[];
}

export interface MinutesAction {
  description: string;
  holderOrganisation: string;
  holderPerson?: string | null;
  /** ISO date */
  deadline: string;
}

/** Minutes of one agenda item: points discussed (free text), decisions, and actions with holder and deadline. */
export interface MinutesItem {
  number: number;
  title: string;
  points: string[];
  decisions: string[];
  actions: MinutesAction[];
}

function need(text: unknown, field: string, what: string): string {
  if (typeof text !== 'string' || !text.trim()) throw new MeetingError('tekst-ontbreekt', `${field}: vul ${what} in.`, { field });
  return text.trim();
}

/**
 * Checks and trims the items of minutes (or an agenda, which has no points): numbers are whole, positive and
 * unique, in ascending order; titles, points, decisions and action texts are filled in; deadlines are dates.
 * `checkMinutesItems([{ number: 1, title: ' Opening ', points: [], decisions: [], actions: [] }])[0].title` → 'Opening'
 */
export function checkMinutesItems<T extends MinutesItem>(items: readonly T[]): T[] {
  let last = 0;
  return items.map((it, i) => {
    const f = `items[${i}]`;
    if (!Number.isSafeInteger(it.number) || it.number < 1) {
      throw new MeetingError('agendapunt-ongeldig', `${f}.number: een agendapunt heeft een nummer vanaf 1, niet ${String(it.number)}.`, { field: `${f}.number` });
    }
    if (it.number <= last) {
      throw new MeetingError('agendapunt-dubbel', `${f}.number: agendapunt ${it.number} komt na ${last}; nummers lopen op en komen één keer voor.`, { field: `${f}.number` });
    }
    last = it.number;
    return {
      ...it,
      title: need(it.title, `${f}.title`, 'de titel van het agendapunt'),
      points: (it.points ?? []).map((p, j) => need(p, `${f}.points[${j}]`, 'de tekst van het punt')),
      decisions: (it.decisions ?? []).map((d, j) => need(d, `${f}.decisions[${j}]`, 'de tekst van het besluit')),
      actions: (it.actions ?? []).map((a, j) => {
        const af = `${f}.actions[${j}]`;
        const holderPerson = typeof a.holderPerson === 'string' && a.holderPerson.trim() ? a.holderPerson.trim() : null;
        return {
          ...a,
          description: need(a.description, `${af}.description`, 'wat de actie is'),
          holderOrganisation: need(a.holderOrganisation, `${af}.holderOrganisation`, 'de organisatie van de actiehouder'),
          holderPerson,
          deadline: checkIsoDate(a.deadline, `${af}.deadline`),
        };
      }),
    };
  });
}

/**
 * The free texts of minutes as named fields, for redaction: titles, points, decisions, action descriptions and
 * action holders (a person). Organisations are not fields: they are never redacted. Keys are paths into the items.
 * `minutesTextFields(items)` → `{ 'items[0].title': 'Opening en mededelingen', 'items[0].points[0]': '…', … }`
 */
export function minutesTextFields(items: readonly MinutesItem[]): Record<string, string> {
  const fields: Record<string, string> = {};
  items.forEach((it, i) => {
    fields[`items[${i}].title`] = it.title;
    it.points.forEach((p, j) => (fields[`items[${i}].points[${j}]`] = p));
    it.decisions.forEach((d, j) => (fields[`items[${i}].decisions[${j}]`] = d));
    it.actions.forEach((a, j) => {
      fields[`items[${i}].actions[${j}].description`] = a.description;
      if (a.holderPerson) fields[`items[${i}].actions[${j}].holderPerson`] = a.holderPerson;
    });
  });
  return fields;
}

/** Puts (redacted) field texts back into a copy of the items; fields not given keep their text. The inverse of `minutesTextFields`. */
export function withTextFields<T extends MinutesItem>(items: readonly T[], fields: Readonly<Record<string, string>>): T[] {
  const get = (key: string, fallback: string) => fields[key] ?? fallback;
  return items.map((it, i) => ({
    ...it,
    title: get(`items[${i}].title`, it.title),
    points: it.points.map((p, j) => get(`items[${i}].points[${j}]`, p)),
    decisions: it.decisions.map((d, j) => get(`items[${i}].decisions[${j}]`, d)),
    actions: it.actions.map((a, j) => ({
      ...a,
      description: get(`items[${i}].actions[${j}].description`, a.description),
      ...(a.holderPerson ? { holderPerson: get(`items[${i}].actions[${j}].holderPerson`, a.holderPerson) } : {}),
    })),
  }));
}
