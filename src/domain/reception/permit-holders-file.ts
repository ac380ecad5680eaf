/**
 * COA's list of permit holders (statushouders) living in reception and the municipality each is linked to for
 * housing: `locatiecode,datum,gemeentecode,statushouders` (header, any order; `vergunninghouders` and `aantal` are
 * accepted for statushouders). The link shows a municipality how many of its permit holders still occupy a reception
 * place. Checked like every upload: all or nothing, errors per line and field in Dutch.
 */
import { existsOn, type MunicipalityPeriod } from '../regions/regions.ts';
import { occupancyKey } from './occupancy-file.ts';
import { cell, errorCollector, readTable, type LineError, type Row } from '../../lib/upload.ts';
import { checkLineDate, parseCsvWith, readCount, type KnownLocation } from './upload.ts';

export interface PermitHolderLink {
  line: number;
  locationCode: string;
  date: string;
  municipalityCode: string;
  permitHolders: number;
  /** Identity across uploads: location, day and municipality; a later upload with the same key corrects it. */
  key: string;
}

export interface ParsedPermitHolderLinks {
  lines: PermitHolderLink[];
  errors: LineError[];
}

export interface PermitHolderRowsInput {
  rows: readonly Row[];
  locations: readonly KnownLocation[];
  municipalities: readonly MunicipalityPeriod[];
  notAfter?: string;
  /**
   * Permit holders per location and day from the occupancy list (key `occupancyKey(code, date)`), when known: the
   * links of a location on a day may not add up to more, or some permit holders would be counted twice.
   */
  permitHoldersInReception?: ReadonlyMap<string, number>;
}

const EXPECTED = 'locatiecode,datum,gemeentecode,statushouders';
const COLUMNS = {
  locatiecode: { names: ['locatiecode', 'locatie', 'code'], required: true },
  datum: { names: ['datum', 'peildatum', 'dag'], required: true },
  gemeentecode: { names: ['gemeentecode', 'gemeente code', 'gekoppelde gemeente', 'koppelgemeente'], required: true },
  statushouders: { names: ['statushouders', 'vergunninghouders', 'aantal statushouders', 'aantal'], required: true },
} as const;

export function parsePermitHolderCsv(text: string, opts: Omit<PermitHolderRowsInput, 'rows'>): ParsedPermitHolderLinks {
  return parseCsvWith(text, (rows) => checkPermitHolderRows({ ...opts, rows }));
}

/**
 * Checks every line: a known location open on a real date, a municipality code (GMxxxx) that exists on that date,
 * statushouders a whole number of 1 or more, no (location, date, municipality) twice, and, when the occupancy list's
 * permit holders are given, links not adding up to more than those.
 * `checkPermitHolderRows({ rows, locations, municipalities })`
 */
export function checkPermitHolderRows(input: PermitHolderRowsInput): ParsedPermitHolderLinks {
  const { errors, add } = errorCollector();
  const table = readTable(input.rows, COLUMNS, EXPECTED);
  if (table.error) return { lines: [], errors: [table.error] };
  const { columns: c, body } = table;
  const byCode = new Map(input.locations.map((l) => [l.code.toUpperCase(), l]));
  const byMunicipality = new Map<string, MunicipalityPeriod[]>();
  for (const m of input.municipalities) byMunicipality.set(m.code, [...(byMunicipality.get(m.code) ?? []), m]);
  const seen = new Map<string, number>();
  const linked = new Map<string, number>();
  const dateCache = new Map<string, string | null>();
  const lines: PermitHolderLink[] = [];
  for (const r of body) {
    let ok = true;
    const fail = (field: string | null, message: string) => {
      add({ line: r.line, field, message });
      ok = false;
    };
    const code = cell(r, c.locatiecode).toUpperCase();
    const location = byCode.get(code);
    if (code === '') fail('locatiecode', 'locatiecode ontbreekt.');
    else if (!location) fail('locatiecode', `onbekende locatiecode ${code}.`);
    const date = checkLineDate(cell(r, c.datum), location, input.notAfter, dateCache);
    if (date.message !== null) fail('datum', date.message);
    const gm = cell(r, c.gemeentecode).toUpperCase();
    const periods = byMunicipality.get(gm);
    if (!/^GM\d{4}$/.test(gm)) fail('gemeentecode', `'${cell(r, c.gemeentecode)}' is geen gemeentecode (GM gevolgd door vier cijfers).`);
    else if (!periods) fail('gemeentecode', `onbekende gemeentecode ${gm}.`);
    else if (date.date !== null && !periods.some((m) => existsOn(m, date.date!))) fail('gemeentecode', `${gm} (${periods[0]!.name}) bestond niet op ${date.date}.`);
    const count = readCount(cell(r, c.statushouders), 'statushouders');
    if (count.message !== null) fail('statushouders', count.message);
    else if (count.value === 0) fail('statushouders', 'statushouders is 0; een koppeling gaat over 1 of meer statushouders.');
    if (location && date.date !== null && /^GM\d{4}$/.test(gm)) {
      const key = `${occupancyKey(code, date.date)}|${gm}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) fail(null, `${code} op ${date.date} met ${gm} staat ook op regel ${earlier}; één regel per locatie, dag en gemeente.`);
      else seen.set(key, r.line);
    }
    if (location && date.date !== null && count.value !== null && input.permitHoldersInReception) {
      const dayKey = occupancyKey(code, date.date);
      const before = linked.get(dayKey) ?? 0;
      const after = before + count.value;
      linked.set(dayKey, after);
      const inReception = input.permitHoldersInReception.get(dayKey);
      // Reported once, on the line where the sum first goes over.
      if (inReception !== undefined && after > inReception && before <= inReception) {
        fail('statushouders', `de koppelingen van ${code} op ${date.date} tellen op tot ${after} statushouders, meer dan de ${inReception} uit de bezettingslijst.`);
      }
    }
    if (!ok) continue;
    lines.push({
      line: r.line,
      locationCode: code,
      date: date.date!,
      municipalityCode: gm,
      permitHolders: count.value!,
      key: `${occupancyKey(code, date.date!)}|${gm}`,
    });
  }
  return errors.length > 0 ? { lines: [], errors } : { lines, errors };
}

/**
 * Permit holders in reception per linked municipality on one day, by municipality code.
 * `permitHoldersByMunicipality(links, '2022-07-08')` → `[{ municipalityCode: 'GM0014', permitHolders: 212 }, …]`
 */
export function permitHoldersByMunicipality(
  links: readonly Pick<PermitHolderLink, 'date' | 'municipalityCode' | 'permitHolders'>[],
  date: string,
): { municipalityCode: string; permitHolders: number }[] {
  const sums = new Map<string, number>();
  for (const l of links) if (l.date === date) sums.set(l.municipalityCode, (sums.get(l.municipalityCode) ?? 0) + l.permitHolders);
  return [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([municipalityCode, permitHolders]) => ({ municipalityCode, permitHolders }));
}
