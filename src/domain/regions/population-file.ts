import { CsvSyntaxError, detectDelimiter, parseCsv, type CsvRecord } from '../../lib/csv.ts';
import { formatDate, parseCount, parseDutchOrIsoDate } from '../../lib/dutch.ts';
import { POPULATION_STATUSES, type PopulationStatus } from './population.ts';
import { existsOn, type MunicipalityPeriod } from './regions.ts';

/**
 * Reads a population table in one of two shapes and checks every line, without touching storage:
 * - our own CSV: `gemeentecode,gemeentenaam,provinciecode,inwoners,peildatum` (optional `status`, `bron`;
 *   other columns such as `provincienaam` are ignored);
 * - a CBS StatLine CSV export (semicolon-separated, quoted), with region codes (`RegioS` = GM0003) and
 *   periods (`Perioden` = 2021JJ00 or 2021), the population column named `Bevolking…` or `Inwoners…`.
 */
export type PopulationFileFormat = 'eigen-csv' | 'cbs-statline';

export interface LineError {
  /** 1-based line in the file; 0 for the file as a whole. */
  line: number;
  field: string | null;
  message: string;
}

export interface PopulationRow {
  line: number;
  municipalityCode: string;
  inhabitants: number;
}

export interface ParsedPopulationFile {
  format: PopulationFileFormat;
  referenceDate: string | null;
  status: PopulationStatus | null;
  source: string | null;
  rows: PopulationRow[];
  errors: LineError[];
  warnings: string[];
}

export interface ParseOptions {
  /** All municipalities known (any period); a code must exist on the reference date. */
  municipalities: readonly MunicipalityPeriod[];
  /** Status for the whole file when the file has no `status` column (a CBS export never has one). */
  status?: PopulationStatus | undefined;
  source?: string | undefined;
}

const MAX_ERRORS = 200;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function parsePopulationFile(text: string, options: ParseOptions): ParsedPopulationFile {
  const result: ParsedPopulationFile = {
    format: 'eigen-csv',
    referenceDate: null,
    status: null,
    source: null,
    rows: [],
    errors: [],
    warnings: [],
  };
  let records: CsvRecord[];
  try {
    records = parseCsv(text, detectDelimiter(text));
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      result.errors.push({ line: e.line, field: null, message: e.message });
      return result;
    }
    throw e;
  }
  if (records.length === 0) {
    result.errors.push({ line: 0, field: null, message: 'Het bestand is leeg.' });
    return result;
  }
  const header = records[0]!.fields.map((h) => h.trim());
  const lower = header.map((h) => h.toLowerCase());
  const statline = lower.some((h) => h === 'regios' || h === "regio's") && lower.includes('perioden');
  result.format = statline ? 'cbs-statline' : 'eigen-csv';
  const data = records.slice(1);
  if (data.length === 0) {
    result.errors.push({ line: 0, field: null, message: 'Het bestand heeft een kopregel maar geen gegevensregels.' });
    return result;
  }
  const byCode = new Map(options.municipalities.map((m) => [m.code, m]));
  const candidates = statline ? readStatLine(header, lower, data, result) : readOwn(lower, data, result, options);
  if (candidates === null) return result;

  // One file is one table: one reference date, one status, one source.
  const dates = new Map<string, number>();
  for (const c of candidates) if (c.referenceDate) dates.set(c.referenceDate, (dates.get(c.referenceDate) ?? 0) + 1);
  const referenceDate = [...dates.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  result.referenceDate = referenceDate;
  if (!result.status) result.status = options.status ?? null;
  if (!result.source) result.source = options.source?.trim() || null;
  if (!result.status) {
    result.errors.push({
      line: 0,
      field: 'status',
      message: `Geef de status van de cijfers op (${POPULATION_STATUSES.join(', ')}): een kolom 'status' of de optie --status.`,
    });
  }
  if (!result.source) {
    result.errors.push({ line: 0, field: 'bron', message: "Geef de bron van de cijfers op: een kolom 'bron' of de optie --bron." });
  } else if (CONTROL.test(result.source)) {
    // NUL above all, which PostgreSQL cannot store; no source is named with invisible characters.
    result.errors.push({ line: 0, field: 'bron', message: 'De bron bevat een onzichtbaar stuurteken; typ haar opnieuw.' });
  }

  const seen = new Map<string, number>();
  for (const c of candidates) {
    if (c.referenceDate && referenceDate && c.referenceDate !== referenceDate) {
      addError(result, {
        line: c.line,
        field: 'peildatum',
        message: `peildatum ${c.referenceDate} wijkt af van de rest van het bestand (${referenceDate}); één bestand bevat één peildatum.`,
      });
    }
    if (c.code === null) continue;
    const m = byCode.get(c.code);
    if (!m) {
      addError(result, { line: c.line, field: 'gemeentecode', message: `onbekende gemeentecode ${c.code}.` });
    } else {
      if (referenceDate && !existsOn(m, referenceDate)) {
        addError(result, { line: c.line, field: 'gemeentecode', message: `${c.code} (${m.name}) bestond niet op ${formatDate(referenceDate)}.` });
      }
      if (c.provinceCode && c.provinceCode !== m.provinceCode) {
        addError(result, { line: c.line, field: 'provinciecode', message: `${c.code} (${m.name}) ligt in ${m.provinceCode}, niet in ${c.provinceCode}.` });
      }
    }
    const earlier = seen.get(c.code);
    if (earlier !== undefined) addError(result, { line: c.line, field: 'gemeentecode', message: `${c.code} staat ook al op regel ${earlier}.` });
    else seen.set(c.code, c.line);
    if (c.inhabitants !== null) result.rows.push({ line: c.line, municipalityCode: c.code, inhabitants: c.inhabitants });
  }
  if (referenceDate && result.errors.length === 0) {
    const missing = options.municipalities.filter((m) => existsOn(m, referenceDate) && !seen.has(m.code));
    if (missing.length > 0) {
      const shown = missing.slice(0, 10).map((m) => `${m.code} ${m.name}`).join(', ');
      result.warnings.push(
        `${missing.length} gemeente(n) die op ${formatDate(referenceDate)} bestonden staan niet in het bestand: ${shown}${missing.length > 10 ? ', …' : ''}.`,
      );
    }
  }
  if (result.errors.length > 0) result.rows = [];
  return result;
}

interface Candidate {
  line: number;
  code: string | null;
  provinceCode: string | null;
  inhabitants: number | null;
  referenceDate: string | null;
}

function addError(result: ParsedPopulationFile, error: LineError) {
  if (result.errors.length < MAX_ERRORS) result.errors.push(error);
  else if (result.errors.length === MAX_ERRORS) {
    result.errors.push({ line: 0, field: null, message: `Meer dan ${MAX_ERRORS} fouten; de rest is niet getoond.` });
  }
}

function readOwn(lower: string[], data: CsvRecord[], result: ParsedPopulationFile, options: ParseOptions): Candidate[] | null {
  const col = (name: string) => lower.indexOf(name);
  const required = ['gemeentecode', 'inwoners', 'peildatum'];
  const absent = required.filter((n) => col(n) < 0);
  if (absent.length > 0) {
    result.errors.push({
      line: 1,
      field: absent[0]!,
      message:
        `Kolom ${absent.map((a) => `'${a}'`).join(', ')} ontbreekt in de kopregel. Verwacht: ` +
        `gemeentecode,gemeentenaam,provinciecode,inwoners,peildatum (of een CBS StatLine-export).`,
    });
    return null;
  }
  const [iCode, iCount, iDate, iProv, iStatus, iSource] = [
    col('gemeentecode'), col('inwoners'), col('peildatum'), col('provinciecode'), col('status'), col('bron'),
  ];
  const statuses = new Set<string>();
  const sources = new Set<string>();
  const out: Candidate[] = [];
  // Files repeat one date on every line: parse each distinct text once.
  const dateCache = new Map<string, string | null>();
  const cell = (r: CsvRecord, i: number) => (i >= 0 ? (r.fields[i] ?? '').trim() : '');
  for (const r of data) {
    if (r.fields.length !== lower.length) {
      addError(result, { line: r.line, field: '', message: `regel heeft ${r.fields.length} velden, de kopregel ${lower.length}.` });
      continue;
    }
    const rawCode = cell(r, iCode).toUpperCase();
    let code: string | null = rawCode;
    if (!/^GM\d{4}$/.test(rawCode)) {
      addError(result, { line: r.line, field: 'gemeentecode', message: `'${cell(r, iCode)}' is geen gemeentecode (GM gevolgd door vier cijfers).` });
      code = null;
    }
    const inhabitants = parseCount(cell(r, iCount));
    if (inhabitants === null) {
      addError(result, { line: r.line, field: 'inwoners', message: `'${cell(r, iCount)}' is geen geheel aantal inwoners van 0 of meer.` });
    }
    const rawDate = cell(r, iDate);
    let referenceDate = dateCache.get(rawDate);
    if (referenceDate === undefined) dateCache.set(rawDate, (referenceDate = parseDutchOrIsoDate(rawDate)));
    if (referenceDate === null) {
      addError(result, { line: r.line, field: 'peildatum', message: `'${rawDate}' is geen datum (verwacht JJJJ-MM-DD of D-M-JJJJ).` });
    }
    const provinceCode = iProv >= 0 ? cell(r, iProv).toUpperCase() || null : null;
    if (provinceCode && !/^PV\d{2}$/.test(provinceCode)) {
      addError(result, { line: r.line, field: 'provinciecode', message: `'${provinceCode}' is geen provinciecode (PV20 t/m PV31).` });
    }
    if (iStatus >= 0) {
      const s = cell(r, iStatus).toLowerCase();
      if (!(POPULATION_STATUSES as readonly string[]).includes(s)) {
        addError(result, { line: r.line, field: 'status', message: `'${cell(r, iStatus)}' is geen status; kies uit ${POPULATION_STATUSES.join(', ')}.` });
      } else statuses.add(s);
    }
    if (iSource >= 0 && cell(r, iSource)) sources.add(cell(r, iSource));
    out.push({ line: r.line, code, provinceCode, inhabitants, referenceDate });
  }
  if (statuses.size > 1) result.errors.push({ line: 0, field: 'status', message: 'Het bestand mengt statussen; één bestand heeft één status.' });
  if (statuses.size === 1) {
    const fileStatus = [...statuses][0] as PopulationStatus;
    if (options.status && options.status !== fileStatus) {
      result.errors.push({ line: 0, field: 'status', message: `De optie status '${options.status}' spreekt de kolom status '${fileStatus}' tegen.` });
    }
    result.status = fileStatus;
  }
  if (sources.size > 1) result.errors.push({ line: 0, field: 'bron', message: 'Het bestand noemt meer dan één bron; één bestand heeft één bron.' });
  if (sources.size === 1) result.source = [...sources][0]!;
  return out;
}

function readStatLine(header: string[], lower: string[], data: CsvRecord[], result: ParsedPopulationFile): Candidate[] | null {
  const iRegion = lower.findIndex((h) => h === 'regios' || h === "regio's");
  const iPeriod = lower.indexOf('perioden');
  const iCount = lower.findIndex((h) => /^(bevolking|totale ?bevolking|inwoners)/.test(h));
  if (iCount < 0) {
    result.errors.push({ line: 1, field: null, message: "Geen kolom met het inwonertal gevonden (een kolomnaam die begint met 'Bevolking' of 'Inwoners')." });
    return null;
  }
  const out: Candidate[] = [];
  let skipped = 0;
  for (const r of data) {
    const get = (i: number) => (r.fields[i] ?? '').trim();
    const err = (field: string, message: string) => addError(result, { line: r.line, field, message });
    if (r.fields.length !== header.length) {
      err('', `regel heeft ${r.fields.length} velden, de kopregel ${header.length}.`);
      continue;
    }
    const region = get(iRegion).toUpperCase();
    if (/^(NL|PV|LD|CR|COROP|RE|WK|BU)\d*/.test(region) && !region.startsWith('GM')) {
      skipped++; // totals for the country, provinces or parts: not a municipality
      continue;
    }
    if (!/^GM\d{4}$/.test(region)) {
      err(header[iRegion]!, `'${get(iRegion)}' is geen regiocode; exporteer uit StatLine met codes (GM0003) in plaats van namen.`);
      continue;
    }
    const period = /^(\d{4})(JJ00)?$/.exec(get(iPeriod));
    if (!period) err(header[iPeriod]!, `'${get(iPeriod)}' is geen jaar (verwacht 2021 of 2021JJ00).`);
    const raw = get(iCount);
    const inhabitants = parseCount(raw);
    if (inhabitants === null) {
      err(header[iCount]!, raw === '.' ? 'CBS meldt hier geen cijfer (.).' : `'${raw}' is geen geheel aantal inwoners van 0 of meer.`);
    }
    out.push({ line: r.line, code: region, provinceCode: null, inhabitants, referenceDate: period ? `${period[1]}-01-01` : null });
  }
  if (skipped > 0) result.warnings.push(`${skipped} regel(s) voor Nederland, landsdelen of provincies overgeslagen.`);
  return out;
}
