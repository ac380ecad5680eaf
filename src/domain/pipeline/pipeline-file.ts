/**
 * The pipeline upload: a track's projects as a CSV (or an XLSX the adapter has turned into rows), checked line by line
 * before anything is stored. All or nothing: one bad line and the whole file is refused, with every error named by
 * line and field in Dutch, so the party corrects the file and sends it again.
 *
 * Columns (header, any order, case, spaces, '_' and '-' ignored, extra columns ignored; aliases in `COLUMNS`):
 * spoor, projectcode, gemeente (code GM0363 or name), partij, type woning, aantal woningen, voor statushouders (a
 * number) or aandeel statushouders (a percentage), verwachte oplevering (ISO, d-m-jjjj or an Excel date number),
 * status; optional: projectnaam, kosten per woning (euro, '185.000', '185000,00', '€ 185.000,-').
 *
 * Identity: the party's projectcode, unique within the track (compared without regard to case). Sending the same
 * file twice changes nothing; a changed date on a known project becomes a delivery-date change (`planPipelineUpload`).
 */
import { Rational } from '../distribution/rational.ts';
import { parseCount, parseDutchOrIsoDate } from '../../lib/dutch.ts';
import { cell, errorCollector, parseCsvWith, readTable, type LineError, type Row } from '../../lib/upload.ts';
import { dayNumber, fromDayNumber } from './dates.ts';
import { reservedFromShare, type PipelineProject } from './projects.ts';
import { isAllowedStatusChange, PROJECT_STATUSES, type ProjectStatus } from './statuses.ts';

export type { LineError, Row } from '../../lib/upload.ts';

export interface KnownMunicipality {
  provinceCode: string;
  name: string;
}

export interface PipelineRowsInput {
  /** Rows as text cells with the file's line numbers; the header is the first row. */
  rows: readonly Row[];
  /** Codes of the tracks the file may name (compared without regard to case). */
  knownTracks: readonly string[];
  /** The municipalities that exist (code → province and name), for codes and names alike. */
  knownMunicipalities: ReadonlyMap<string, KnownMunicipality>;
  /** The municipalities the uploader may report on; null = national, all allowed. */
  scopeMunicipalities: ReadonlySet<string> | null;
  /** ISO date of today: a project cannot have been delivered after it. */
  today: string;
}

export interface PipelineLine {
  line: number;
  /** `pipelineKey(trackCode, reference)`: the identity across uploads. */
  key: string;
  trackCode: string;
  reference: string;
  name: string | null;
  municipalityCode: string;
  provinceCode: string;
  party: string;
  homeType: string;
  units: number;
  reservedUnits: number;
  /** The share as written when the file gave a percentage ('33,3'), else null. */
  reservedSharePercent: string | null;
  expectedDelivery: string;
  status: ProjectStatus;
  costPerUnitCents: number | null;
}

export type PipelineCheck = { ok: true; rows: PipelineLine[] } | { ok: false; errors: LineError[] };

const EXPECTED =
  'spoor, projectcode, gemeente, partij, type woning, aantal woningen, voor statushouders of aandeel statushouders, verwachte oplevering, status[, projectnaam][, kosten per woning]';

export const PIPELINE_COLUMNS = {
  spoor: { names: ['spoor', 'spoorcode', 'track', 'programma'], required: true },
  projectcode: { names: ['projectcode', 'projectnummer', 'kenmerk', 'referentie'], required: true },
  projectnaam: { names: ['projectnaam', 'naam', 'project'], required: false },
  gemeente: { names: ['gemeente', 'gemeentecode', 'gemeentenaam'], required: true },
  partij: { names: ['partij', 'corporatie', 'woningcorporatie', 'aanbieder', 'ontwikkelaar'], required: true },
  'type woning': { names: ['type woning', 'woningtype', 'soort woning', 'type'], required: true },
  'aantal woningen': { names: ['aantal woningen', 'woningen', 'aantal'], required: true },
  'voor statushouders': {
    names: ['voor statushouders', 'woningen voor statushouders', 'aantal voor statushouders', 'statushouders', 'gereserveerd voor statushouders'],
    required: false,
  },
  'aandeel statushouders': { names: ['aandeel statushouders', 'aandeel voor statushouders', 'percentage statushouders', 'aandeel'], required: false },
  'verwachte oplevering': { names: ['verwachte oplevering', 'oplevering', 'opleverdatum', 'verwachte opleverdatum'], required: true },
  status: { names: ['status', 'fase'], required: true },
  'kosten per woning': { names: ['kosten per woning', 'kosten', 'prijs per woning', 'stichtingskosten per woning'], required: false },
} as const;

/** `pipelineKey('flex-nl', 'ams-01')` → 'FLEX-NL|AMS-01' */
export function pipelineKey(trackCode: string, reference: string): string {
  return `${trackCode.trim().toUpperCase()}|${reference.trim().toUpperCase()}`;
}

/** Dates before this or after `LAST_DATE` are typing errors, not plans. */
export const FIRST_DATE = '2000-01-01';
export const LAST_DATE = '2099-12-31';

/** Day number of Excel's day 0 in its 1900 date system (serial 1 = 1900-01-01, with Excel's non-existent 29-2-1900). */
const EXCEL_EPOCH = dayNumber('1899-12-30');

/**
 * A delivery date as people and spreadsheets write it: ISO, d-m-jjjj, or an Excel date number (days since 1900, as a
 * cell formatted 'Standaard' shows a date). `readDeliveryDate('44927')` → { date: '2023-01-01' }
 */
export function readDeliveryDate(raw: string): { date: string; message: null } | { date: null; message: string } {
  if (raw === '') return { date: null, message: 'verwachte oplevering ontbreekt.' };
  let date = parseDutchOrIsoDate(raw);
  const serial = /^(\d{1,6})(?:[.,]0+)?$/.exec(raw);
  if (date === null && serial) {
    date = fromDayNumber(EXCEL_EPOCH + Number(serial[1]));
    if (date < FIRST_DATE || date > LAST_DATE) {
      return { date: null, message: `'${raw}' is geen datum: een getal wordt gelezen als Excel-datum, maar dat is ${date}, niet tussen 2000 en 2099.` };
    }
  }
  if (date === null) return { date: null, message: `'${raw}' is geen datum (JJJJ-MM-DD, D-M-JJJJ of een Excel-datum).` };
  if (date < FIRST_DATE || date > LAST_DATE) return { date: null, message: `${date} ligt niet tussen 2000 en 2099; is het jaartal goed?` };
  return { date, message: null };
}

/** The most a home may cost in the file: more is almost certainly the whole project's cost in the wrong column. */
export const MAX_COST_PER_UNIT_CENTS = 1_000_000_000;

/**
 * A cost in euro as written in Dutch or by a spreadsheet, in whole cents; '' is unknown (null).
 * `readEuroCents('€ 185.000,-')` → 18_500_000; `readEuroCents('185000,50')` → 18_500_050; `readEuroCents('185000.5')` → 18_500_050.
 * Dots followed by groups of three digits are thousands ('185.000' = 185000); a single dot followed by one or two
 * digits is a decimal point (a spreadsheet's '185000.5'); with a comma, the comma is the decimal sign.
 */
export function readEuroCents(raw: string): { cents: number | null; message: null } | { cents: null; message: string } {
  let t = raw
    .replace(/\u00a0/g, ' ')
    .replace(/^(?:€|eur|euro)\s*/i, '')
    .replace(/\s*(?:€|eur|euro)$/i, '')
    .replace(/,-$/, '')
    .trim();
  if (t === '') return { cents: null, message: null };
  // '185 000' groups thousands with spaces, as some people type it.
  if (/^\d{1,3}(?: \d{3})+(?:,\d+)?$/.test(t)) t = t.replace(/ /g, '.');
  let whole: string;
  let decimals = '';
  let m: RegExpExecArray | null;
  if (/^-/.test(t)) return { cents: null, message: `kosten per woning '${raw}' is negatief.` };
  if ((m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/.exec(t))) [whole, decimals] = [m[1]!.replace(/\./g, ''), m[2] ?? ''];
  else if ((m = /^(\d+)\.(\d{1,2})$/.exec(t))) [whole, decimals] = [m[1]!, m[2]!];
  else return { cents: null, message: `kosten per woning '${raw}' is geen bedrag in euro (bijvoorbeeld 185.000 of 185000,00).` };
  if (decimals.length > 2) return { cents: null, message: `kosten per woning '${raw}' heeft meer dan twee decimalen; geef euro's en centen.` };
  const cents = BigInt(whole) * 100n + BigInt(decimals.padEnd(2, '0'));
  if (cents > BigInt(MAX_COST_PER_UNIT_CENTS)) {
    return { cents: null, message: `kosten per woning '${raw}' is meer dan € 10.000.000; geef de kosten per woning, niet van het hele project.` };
  }
  return { cents: Number(cents), message: null };
}

/** A percentage 0 … 100 as written ('25', '25%', '33,3 %'), exactly. `readSharePercent('12,5%')` → { share: '12,5' } */
export function readSharePercent(raw: string): { share: string; message: null } | { share: null; message: string } {
  const t = raw.replace(/\s*%$/, '').trim();
  const r = /^\d+(?:[.,]\d+)?$/.test(t) ? Rational.tryFrom(t) : null;
  if (r === null) return { share: null, message: `aandeel statushouders '${raw}' is geen percentage (bijvoorbeeld 25 of 33,3).` };
  if (r.compare(Rational.of(100n)) > 0) return { share: null, message: `aandeel statushouders '${raw}' is meer dan 100 %.` };
  return { share: t, message: null };
}

function readWhole(raw: string, field: string, min: number): { value: number; message: null } | { value: null; message: string } {
  if (raw === '') return { value: null, message: `${field} ontbreekt.` };
  const value = parseCount(raw);
  if (value !== null && value >= min) return { value, message: null };
  if (value !== null) return { value: null, message: `${field} is ${value}; een project heeft minstens ${min} woning.` };
  if (/^-\s*\d/.test(raw)) return { value: null, message: `${field} '${raw}' is negatief.` };
  if (/^\d[\d.]*[,.]\d+$/.test(raw)) return { value: null, message: `${field} '${raw}' is geen geheel aantal woningen.` };
  return { value: null, message: `${field} '${raw}' is geen getal.` };
}

const squash = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
const STATUS_BY_SQUASHED = new Map<string, ProjectStatus>(PROJECT_STATUSES.map((s) => [squash(s), s]));

/** Names people use that are not the CBS name. */
const NAME_ALIASES: Readonly<Record<string, string>> = { 'den haag': "'s-gravenhage", 'den bosch': "'s-hertogenbosch" };

const normaliseName = (s: string) => s.trim().toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ');
const baseName = (s: string) => s.replace(/\s*\(.*\)$/, '');

/** Finds a municipality by code or name; a name without its suffix ('Bergen') must be unambiguous. */
function municipalityFinder(known: ReadonlyMap<string, KnownMunicipality>): (raw: string) => { code: string; message: null } | { code: null; message: string } {
  const byName = new Map<string, string>();
  const byBase = new Map<string, string[]>();
  for (const [code, m] of known) {
    const n = normaliseName(m.name);
    byName.set(n, code);
    const b = baseName(n);
    byBase.set(b, [...(byBase.get(b) ?? []), code]);
  }
  return (raw) => {
    if (raw === '') return { code: null, message: 'gemeente ontbreekt.' };
    if (/^gm\d{4}$/i.test(raw)) {
      const code = raw.toUpperCase();
      return known.has(code) ? { code, message: null } : { code: null, message: `onbekende gemeentecode ${code}.` };
    }
    const n = normaliseName(raw);
    const exact = byName.get(NAME_ALIASES[n] ?? n);
    if (exact) return { code: exact, message: null };
    const candidates = byBase.get(n) ?? [];
    if (candidates.length === 1) return { code: candidates[0]!, message: null };
    if (candidates.length > 1) {
      const list = candidates.map((c) => `${known.get(c)!.name} (${c})`).join(' of ');
      return { code: null, message: `gemeente '${raw}' is niet eenduidig: ${list}; gebruik de gemeentecode.` };
    }
    return { code: null, message: `onbekende gemeente '${raw}'; gebruik de naam van 2022 of de gemeentecode (GM0363).` };
  };
}

const TEXT_MAX = { projectcode: 100, projectnaam: 200, partij: 200, 'type woning': 100 } as const;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** `checkPipelineCsv('spoor;projectcode;…\nFLEX-NL;AMS-01;…', { knownTracks, knownMunicipalities, scopeMunicipalities: null, today })` */
export function checkPipelineCsv(text: string, opts: Omit<PipelineRowsInput, 'rows'>): PipelineCheck {
  return parseCsvWith<PipelineCheck>(
    text,
    (rows) => checkPipelineRows({ ...opts, rows }),
    (error) => ({ ok: false, errors: [error] }),
  );
}

/**
 * Checks every line (see the module comment) and returns all lines, or all errors and no lines.
 * `checkPipelineRows({ rows, knownTracks: ['FLEX-NL'], knownMunicipalities, scopeMunicipalities: null, today: '2023-01-10' })`
 */
export function checkPipelineRows(input: PipelineRowsInput): PipelineCheck {
  const table = readTable(input.rows, PIPELINE_COLUMNS, EXPECTED);
  if (table.error) return { ok: false, errors: [table.error] };
  const { columns: c, body } = table;
  if (c['voor statushouders'] < 0 && c['aandeel statushouders'] < 0) {
    return {
      ok: false,
      errors: [{ line: input.rows[0]!.line, field: 'voor statushouders', message: `Kolom 'voor statushouders' of 'aandeel statushouders' ontbreekt; verwacht ${EXPECTED}.` }],
    };
  }
  const { errors, add } = errorCollector();
  const tracks = new Map(input.knownTracks.map((t) => [t.toUpperCase(), t]));
  const findMunicipality = municipalityFinder(input.knownMunicipalities);
  const seen = new Map<string, number>();
  const lines: PipelineLine[] = [];
  for (const r of body) {
    let ok = true;
    const fail = (field: string | null, message: string) => {
      add({ line: r.line, field, message });
      ok = false;
    };
    const text = (field: keyof typeof TEXT_MAX, required: boolean): string => {
      const v = cell(r, c[field]);
      if (v === '' && required) fail(field, `${field} ontbreekt.`);
      else if (v.length > TEXT_MAX[field]) fail(field, `${field} is langer dan ${TEXT_MAX[field]} tekens.`);
      // NUL above all cannot be stored by PostgreSQL; no name or code holds an invisible control character.
      else if (CONTROL.test(v)) fail(field, `${field} bevat een onzichtbaar stuurteken; typ het opnieuw.`);
      return v;
    };

    const rawTrack = cell(r, c.spoor);
    const trackCode = tracks.get(rawTrack.toUpperCase());
    if (rawTrack === '') fail('spoor', 'spoor ontbreekt.');
    else if (trackCode === undefined) fail('spoor', `onbekend spoor '${rawTrack}'; bekend zijn: ${input.knownTracks.join(', ') || '(geen)'}.`);
    const reference = text('projectcode', true);
    const name = text('projectnaam', false);

    const found = findMunicipality(cell(r, c.gemeente));
    if (found.message !== null) fail('gemeente', found.message);
    else if (input.scopeMunicipalities !== null && !input.scopeMunicipalities.has(found.code)) {
      fail('gemeente', `${input.knownMunicipalities.get(found.code)!.name} (${found.code}) valt buiten uw bereik; u kunt alleen projecten in uw eigen gemeente(n) opgeven.`);
    }
    const party = text('partij', true);
    const homeType = text('type woning', true);

    const units = readWhole(cell(r, c['aantal woningen']), 'aantal woningen', 1);
    if (units.message !== null) fail('aantal woningen', units.message);
    const rawReserved = cell(r, c['voor statushouders']);
    const rawShare = cell(r, c['aandeel statushouders']);
    let reserved: number | null = null;
    let share: string | null = null;
    if (rawReserved !== '' && rawShare !== '') fail('voor statushouders', 'vul voor statushouders (aantal) óf aandeel statushouders (%) in, niet allebei.');
    else if (rawReserved === '' && rawShare === '') fail('voor statushouders', 'voor statushouders ontbreekt; vul een aantal woningen of een aandeel statushouders (%) in.');
    else if (rawReserved !== '') {
      const n = readWhole(rawReserved, 'voor statushouders', 0);
      if (n.message !== null) fail('voor statushouders', n.message);
      else reserved = n.value;
    } else {
      const s = readSharePercent(rawShare);
      if (s.message !== null) fail('aandeel statushouders', s.message);
      else if (units.value !== null) [share, reserved] = [s.share, reservedFromShare(units.value, s.share)];
    }
    if (reserved !== null && units.value !== null && reserved > units.value) {
      fail('voor statushouders', `voor statushouders (${reserved}) is meer dan het aantal woningen (${units.value}).`);
    }

    const rawStatus = cell(r, c.status);
    const status = STATUS_BY_SQUASHED.get(squash(rawStatus));
    if (rawStatus === '') fail('status', 'status ontbreekt.');
    else if (status === undefined) fail('status', `onbekende status '${rawStatus}'; kies uit ${PROJECT_STATUSES.join(', ')}.`);

    const delivery = readDeliveryDate(cell(r, c['verwachte oplevering']));
    if (delivery.message !== null) fail('verwachte oplevering', delivery.message);
    else if (status === 'opgeleverd' && delivery.date > input.today) {
      fail('verwachte oplevering', `de status is opgeleverd, maar de oplevering ${delivery.date} ligt na vandaag (${input.today}); geef de datum van de oplevering.`);
    }

    const cost = readEuroCents(cell(r, c['kosten per woning']));
    if (cost.message !== null) fail('kosten per woning', cost.message);

    // A duplicate is reported even when the line has other errors: the party should see all of them in one go.
    if (trackCode !== undefined && reference !== '') {
      const key = pipelineKey(trackCode, reference);
      const earlier = seen.get(key);
      if (earlier !== undefined) fail('projectcode', `project ${reference} van spoor ${trackCode} staat ook op regel ${earlier}; één regel per project.`);
      else seen.set(key, r.line);
    }
    if (!ok) continue;
    lines.push({
      line: r.line,
      key: pipelineKey(trackCode!, reference),
      trackCode: trackCode!,
      reference,
      name: name === '' ? null : name,
      municipalityCode: found.code!,
      provinceCode: input.knownMunicipalities.get(found.code!)!.provinceCode,
      party,
      homeType,
      units: units.value!,
      reservedUnits: reserved!,
      reservedSharePercent: share,
      expectedDelivery: delivery.date!,
      status: status!,
      costPerUnitCents: cost.cents,
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows: lines };
}

/** What a checked line does to a project that exists already. */
export interface PlannedUpdate {
  line: PipelineLine;
  /** The project as stored now. */
  project: PipelineProject;
  /** The project after the upload (same id and first expected delivery). */
  next: PipelineProject;
  /** The fields that change, in a fixed order. */
  changed: (keyof PipelineProject)[];
  /** Set when the expected delivery date changes: record it as a `DeliveryChange` with this reason. */
  deliveryChange: { from: string; to: string; reason: string } | null;
}

export type UploadPlan =
  | { ok: true; create: PipelineLine[]; update: PlannedUpdate[]; unchanged: PipelineLine[] }
  | { ok: false; errors: LineError[] };

const COMPARED: readonly (keyof PipelineProject)[] = [
  'name',
  'party',
  'homeType',
  'units',
  'reservedUnits',
  'expectedDelivery',
  'status',
  'costPerUnitCents',
];

/**
 * What an upload changes, so that the same file twice changes nothing: each line is a new project (by its key), an
 * update of the project with that key, or unchanged. Projects not in the file stay as they are (an upload adds and
 * updates, it never deletes). A known project in another municipality refuses the upload, naming the line. An empty cost or name keeps the known one: a file without costs must not erase them.
 * A status change the rules refuse (`isAllowedStatusChange`) refuses the whole upload, naming the line.
 * `planPipelineUpload(existing, lines)` → { ok: true, create: [...], update: [{ deliveryChange: { from, to, reason }, … }], unchanged: [...] }
 */
export function planPipelineUpload(existing: readonly PipelineProject[], lines: readonly PipelineLine[]): UploadPlan {
  const byKey = new Map<string, PipelineProject>();
  for (const p of existing) if (p.reference !== undefined) byKey.set(pipelineKey(p.trackCode, p.reference), p);
  const { errors, add } = errorCollector();
  const create: PipelineLine[] = [];
  const update: PlannedUpdate[] = [];
  const unchanged: PipelineLine[] = [];
  for (const l of lines) {
    const p = byKey.get(l.key);
    if (!p) {
      create.push(l);
      continue;
    }
    if (p.municipalityCode !== l.municipalityCode) {
      // A project is a place: in another municipality it is another project (or a typing error), never a move.
      add({ line: l.line, field: 'gemeente', message: `project ${l.reference} van spoor ${l.trackCode} ligt in ${p.municipalityCode}; een project verhuist niet naar een andere gemeente.` });
      continue;
    }
    if (!isAllowedStatusChange(p.status, l.status)) {
      add({ line: l.line, field: 'status', message: `project ${l.reference} staat op ${p.status} en kan niet naar ${l.status}.` });
      continue;
    }
    const next: PipelineProject = {
      ...p,
      party: l.party,
      homeType: l.homeType,
      units: l.units,
      reservedUnits: l.reservedUnits,
      expectedDelivery: l.expectedDelivery,
      status: l.status,
      costPerUnitCents: l.costPerUnitCents ?? p.costPerUnitCents,
      ...(l.name !== null ? { name: l.name } : {}),
    };
    const changed = COMPARED.filter((k) => next[k] !== p[k]);
    if (changed.length === 0) {
      unchanged.push(l);
      continue;
    }
    const deliveryChange =
      next.expectedDelivery !== p.expectedDelivery ? { from: p.expectedDelivery, to: next.expectedDelivery, reason: `gewijzigd via upload (regel ${l.line})` } : null;
    update.push({ line: l, project: p, next, changed, deliveryChange });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, create, update, unchanged };
}
