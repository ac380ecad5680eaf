/**
 * Monthly provincial reports: what a report must contain before a province user submits it, the lock after
 * submission, and completeness and timeliness per province over the months, like DHIS2's reporting rates.
 *
 * Counting rules (`timeliness`), per province and month, as of `today`:
 * - received: submitted on or before today (a later submission date does not exist yet on that day);
 * - expected: the deadline has passed (deadline < today; the province has the whole deadline day) OR the report was
 *   received. So a month whose deadline is still running counts only once its report is in: an early report
 *   raises the rates at once, a missing one lowers them only when it is late;
 * - on time: received on or before the deadline.
 * Hence on time ≤ received ≤ expected, per cell and in every total. Completeness = received / expected, timeliness
 * = on time / expected, as exact fractions and as a percentage rounded half up to one decimal (kept as whole
 * tenths, so no float error); no rate when nothing is expected.
 */
import { checkDate, checkMonth, daysBetween } from './dates.ts';
import { AgendaError } from './errors.ts';

export const REPORT_STATUSES = ['concept', 'ingediend'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** `REPORT_STATUS_LABELS.ingediend` → 'Ingediend' */
export const REPORT_STATUS_LABELS: Readonly<Record<ReportStatus, string>> = Object.freeze({ concept: 'Concept', ingediend: 'Ingediend' });

/** `isReportStatus('concept')` → true */
export function isReportStatus(value: unknown): value is ReportStatus {
  return typeof value === 'string' && (REPORT_STATUSES as readonly string[]).includes(value);
}

/** A draft can be edited; a submitted report is locked for good. `canEdit('ingediend')` → false */
export function canEdit(status: ReportStatus): boolean {
  if (!isReportStatus(status)) {
    throw new AgendaError('status-onbekend', `status: '${String(status)}' is geen status van een rapportage; kies uit ${REPORT_STATUSES.join(', ')}.`, { field: 'status' });
  }
  return status === 'concept';
}

export interface MeasureProgress {
  /** The measure as the report names it, e.g. '8' or '8 Flexibele opvang'. */
  readonly measure: string;
  readonly progress: string;
}

export interface ReportContent {
  /** The province's figures of the month, pre-filled by the platform; opaque to these rules. */
  readonly figures: object;
  /** Bottlenecks in the province, in text. Required: "geen knelpunten" is an answer too, an empty field is not. */
  readonly bottlenecks: string;
  /** Progress per measure; at least one, each with text, each measure once. */
  readonly measures: readonly MeasureProgress[];
}

/** Bounds on the free text; the API schema uses the same numbers. */
export const REPORT_LIMITS = Object.freeze({ bottlenecks: 20_000, progress: 20_000, measure: 300, measures: 100 });

export interface ReportProblem {
  readonly field: string;
  /** Dutch, starting with the field. */
  readonly message: string;
}

export interface SubmitOptions {
  /** The report's current status: a submitted report cannot be submitted again. */
  readonly status?: ReportStatus | undefined;
  /** Measures that must have progress, e.g. those of the province's actions; matched trimmed and case-insensitively. */
  readonly requiredMeasures?: readonly string[] | undefined;
}

const key = (measure: string) => measure.trim().toLocaleLowerCase('nl');

/**
 * Everything that keeps a report from being submitted, for a form to show all at once; [] when it is complete.
 * `reportProblems({ figures: {}, bottlenecks: '', measures: [] })`
 * → [{ field: 'content.bottlenecks', … }, { field: 'content.measures', … }]
 */
export function reportProblems(content: ReportContent, options: SubmitOptions = {}): ReportProblem[] {
  const problems: ReportProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message: `${field}: ${message}` });
  if (typeof content !== 'object' || content === null) {
    add('content', 'de inhoud van de rapportage ontbreekt.');
    return problems;
  }
  if (typeof content.figures !== 'object' || content.figures === null || Array.isArray(content.figures)) {
    add('content.figures', 'de cijfers van de provincie ontbreken; open de rapportage opnieuw om ze te laten vullen.');
  }
  const bottlenecks = typeof content.bottlenecks === 'string' ? content.bottlenecks.trim() : '';
  if (bottlenecks === '') add('content.bottlenecks', "beschrijf de knelpunten in de provincie (of schrijf 'geen knelpunten').");
  else if (bottlenecks.length > REPORT_LIMITS.bottlenecks) add('content.bottlenecks', `de knelpunten zijn te lang (${bottlenecks.length} tekens, hooguit ${REPORT_LIMITS.bottlenecks}).`);
  const measures = Array.isArray(content.measures) ? content.measures : [];
  if (measures.length === 0) add('content.measures', 'meld de voortgang van minstens één maatregel.');
  if (measures.length > REPORT_LIMITS.measures) add('content.measures', `hooguit ${REPORT_LIMITS.measures} maatregelen per rapportage.`);
  const seen = new Map<string, number>();
  measures.forEach((m, i) => {
    const at = `content.measures[${i}]`;
    const name = typeof m?.measure === 'string' ? m.measure.trim() : '';
    const progress = typeof m?.progress === 'string' ? m.progress.trim() : '';
    if (name === '') add(`${at}.measure`, 'geef aan over welke maatregel de voortgang gaat.');
    else if (name.length > REPORT_LIMITS.measure) add(`${at}.measure`, `de naam van de maatregel is te lang (hooguit ${REPORT_LIMITS.measure} tekens).`);
    else {
      const first = seen.get(key(name));
      if (first !== undefined) add(`${at}.measure`, `maatregel ${name} staat al op regel ${first + 1}.`);
      else seen.set(key(name), i);
    }
    const about = name === '' ? `regel ${i + 1}` : `maatregel ${name}`;
    if (progress === '') add(`${at}.progress`, `beschrijf de voortgang van ${about}.`);
    else if (progress.length > REPORT_LIMITS.progress) add(`${at}.progress`, `de voortgang van ${about} is te lang (hooguit ${REPORT_LIMITS.progress} tekens).`);
  });
  for (const required of options.requiredMeasures ?? []) {
    if (!seen.has(key(required))) add('content.measures', `de voortgang van maatregel ${required.trim()} ontbreekt.`);
  }
  return problems;
}

/**
 * Checks a report before submission and returns its content with the texts trimmed. A submitted report throws
 * 'rapportage-vergrendeld'; an incomplete one 'rapportage-onvolledig' with its first problem (and how many more).
 * `checkSubmit({ figures: {}, bottlenecks: 'Geen knelpunten', measures: [{ measure: '8', progress: 'Twee locaties open' }] })`
 * → the same content
 */
export function checkSubmit(content: ReportContent, options: SubmitOptions = {}): ReportContent {
  if (options.status !== undefined && !canEdit(options.status)) {
    throw new AgendaError('rapportage-vergrendeld', 'status: de rapportage is al ingediend en daarmee vergrendeld.', { field: 'status' });
  }
  const problems = reportProblems(content, options);
  const [first] = problems;
  if (first) {
    const more = problems.length - 1;
    const tail = more === 0 ? '' : ` (en nog ${more} ${more === 1 ? 'punt' : 'punten'})`;
    throw new AgendaError('rapportage-onvolledig', `${first.message}${tail}`, { field: first.field });
  }
  return {
    figures: content.figures,
    bottlenecks: content.bottlenecks.trim(),
    measures: content.measures.map((m) => ({ measure: m.measure.trim(), progress: m.progress.trim() })),
  };
}

/** A report as the counting needs it: when it was submitted, null while a draft (or absent). */
export interface ReportReceipt {
  readonly province: string;
  readonly month: string;
  readonly submittedOn: string | null;
}

export interface TimelinessInput {
  readonly months: readonly string[];
  readonly provinces: readonly string[];
  /** Reports of other provinces or months are ignored; one per province and month. */
  readonly reports: readonly ReportReceipt[];
  /** The deadline of a month's report, e.g. `(m) => reportDeadline(m, { workingDay: 5 })`. */
  readonly deadline: (month: string) => string;
  readonly today: string;
}

/** Where one report stands: `niet-verwacht` while its deadline runs and it is not in. */
export type ReportState = 'niet-verwacht' | 'op-tijd' | 'te-laat' | 'ontbreekt';

export interface TimelinessCell {
  readonly province: string;
  readonly month: string;
  readonly deadline: string;
  /** The submission date when received (on or before today), else null. */
  readonly submittedOn: string | null;
  readonly expected: boolean;
  readonly received: boolean;
  readonly onTime: boolean;
  /** Days after the deadline: of the submission when received (0 when on time), up to today when missing and
   *  expected; null when not expected. */
  readonly daysLate: number | null;
  readonly state: ReportState;
}

/** An exact fraction and its percentage in whole tenths, rounded half up: 2/3 → tenths 667 (66,7 %). */
export interface Rate {
  readonly numerator: number;
  readonly denominator: number;
  readonly tenths: number;
}

export interface RateRow {
  readonly expected: number;
  readonly received: number;
  readonly onTime: number;
  /** received / expected; null when nothing is expected. */
  readonly completeness: Rate | null;
  /** onTime / expected; null when nothing is expected. */
  readonly timeliness: Rate | null;
  /** The percentages as numbers with one decimal (tenths / 10), for tables and JSON. */
  readonly completenessPercent: number | null;
  readonly timelinessPercent: number | null;
}

export interface TimelinessResult {
  /** Per province per month, provinces in the given order, months ascending within each. */
  readonly cells: TimelinessCell[];
  /** Per province over all months. */
  readonly provinces: (RateRow & { readonly province: string })[];
  /** Per month over all provinces (the national rate over time). */
  readonly byMonth: (RateRow & { readonly month: string })[];
  /** All provinces over all months. */
  readonly national: RateRow;
}

/**
 * A fraction with its percentage in tenths, rounded half up in integers; null for a zero denominator.
 * `rate(2, 3)` → { numerator: 2, denominator: 3, tenths: 667 }; `rate(1, 16)` → tenths 63 (6,25 % → 6,3 %)
 */
export function rate(numerator: number, denominator: number): Rate | null {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator < 0 || denominator < 0) {
    throw new AgendaError('getal-ongeldig', `Een aandeel rekent met gehele getallen van 0 of meer (niet ${String(numerator)}/${String(denominator)}).`, { field: 'rate' });
  }
  if (denominator === 0) return null;
  // tenths = floor(1000·n/d + 1/2) = floor((2000·n + d) / 2d), in bigint so no count can lose precision.
  const tenths = (2000n * BigInt(numerator) + BigInt(denominator)) / (2n * BigInt(denominator));
  return { numerator, denominator, tenths: Number(tenths) };
}

/** A percentage the Dutch way. `formatRate(rate(2, 3))` → '66,7 %'; `formatRate(null)` → '—' */
export function formatRate(r: Rate | null): string {
  if (r === null) return '—';
  return `${Math.floor(r.tenths / 10)},${r.tenths % 10} %`;
}

function row(cells: readonly TimelinessCell[]): RateRow {
  const expected = cells.filter((c) => c.expected).length;
  const received = cells.filter((c) => c.received).length;
  const onTime = cells.filter((c) => c.onTime).length;
  const completeness = rate(received, expected);
  const timeliness = rate(onTime, expected);
  return {
    expected,
    received,
    onTime,
    completeness,
    timeliness,
    completenessPercent: completeness ? completeness.tenths / 10 : null,
    timelinessPercent: timeliness ? timeliness.tenths / 10 : null,
  };
}

/**
 * Completeness and timeliness of the monthly reports (rules in the module comment).
 * With one province, months 2022-07 (due 2022-08-05, submitted 2022-08-04) and 2022-08 (due 2022-09-07, submitted
 * 2022-09-09), today 2022-10-01: expected 2, received 2, on time 1 → completeness 100,0 %, timeliness 50,0 %.
 */
export function timeliness(input: TimelinessInput): TimelinessResult {
  const today = checkDate(input.today, 'today');
  const months = input.months.map((m, i) => checkMonth(m, `months[${i}]`));
  const monthSet = new Set<string>();
  months.forEach((m, i) => {
    if (monthSet.has(m)) throw new AgendaError('maand-ongeldig', `months[${i}]: de maand ${m} staat er meer dan eens in.`, { field: `months[${i}]` });
    monthSet.add(m);
  });
  months.sort();
  const provinceSet = new Set<string>();
  input.provinces.forEach((p, i) => {
    if (provinceSet.has(p)) throw new AgendaError('provincie-dubbel', `provinces[${i}]: de provincie ${p} staat er meer dan eens in.`, { field: `provinces[${i}]` });
    provinceSet.add(p);
  });
  const deadlines = new Map(months.map((m) => [m, checkDate(input.deadline(m), `deadline(${m})`)]));
  const byKey = new Map<string, ReportReceipt>();
  input.reports.forEach((r, i) => {
    if (!provinceSet.has(r.province) || !monthSet.has(r.month)) return;
    if (r.submittedOn !== null) checkDate(r.submittedOn, `reports[${i}].submittedOn`);
    const k = `${r.province}|${r.month}`;
    if (byKey.has(k)) throw new AgendaError('rapportage-dubbel', `reports[${i}]: er is al een rapportage van ${r.province} over ${r.month}.`, { field: `reports[${i}]` });
    byKey.set(k, r);
  });

  const cells: TimelinessCell[] = [];
  for (const province of input.provinces) {
    for (const month of months) {
      const deadline = deadlines.get(month) as string;
      const submitted = byKey.get(`${province}|${month}`)?.submittedOn ?? null;
      const submittedOn = submitted !== null && submitted <= today ? submitted : null;
      const received = submittedOn !== null;
      const expected = received || deadline < today;
      const onTime = submittedOn !== null && submittedOn <= deadline;
      const daysLate = submittedOn !== null ? Math.max(0, daysBetween(deadline, submittedOn)) : expected ? daysBetween(deadline, today) : null;
      const state: ReportState = !expected ? 'niet-verwacht' : onTime ? 'op-tijd' : received ? 'te-laat' : 'ontbreekt';
      cells.push({ province, month, deadline, submittedOn, expected, received, onTime, daysLate, state });
    }
  }
  return {
    cells,
    provinces: input.provinces.map((province) => ({ province, ...row(cells.filter((c) => c.province === province)) })),
    byMonth: months.map((month) => ({ month, ...row(cells.filter((c) => c.month === month)) })),
    national: row(cells),
  };
}
