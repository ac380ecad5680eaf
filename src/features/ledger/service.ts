import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/database.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { actorLabel } from '../../domain/access/policies.ts';
import {
  LedgerError,
  mapClass,
  mapLegend,
  percentageRealised,
  comparePeriods,
  periodOf,
  currentStep,
  nationalTotals,
  periodMonths,
  runLedgers,
  sortForSupervisor,
  suggestStep,
  supervisorRow,
  swapEntriesFor,
  validateStepChange,
  type LadderDecision,
  type LadderStep,
  type LedgerHistoryInput,
  type LedgersResult,
  type MunicipalityLedger,
} from '../../domain/ledger/index.ts';
import { existsOn } from '../../domain/regions/regions.ts';
import { applySwaps } from '../../domain/distribution/swaps.ts';
import { DistributionError } from '../../domain/distribution/errors.ts';
import { recordAudit, type Actor } from '../audit/audit.ts';
import { listMunicipalities, listProvinces, listReorganisations } from '../regions/repository.ts';
import { periodRange } from './realisations.ts';

/**
 * One ledger per municipality, assembled from what Regietafel holds: the published taakstelling
 * decisions, swaps, COA's realisations per month, excused periods, opening balances and the steps
 * the province took. The rules live in src/domain/ledger; this module only gathers and stores.
 */
function asProblem(e: unknown): never {
  if (e instanceof LedgerError) {
    throw new AppError(400, e.code, 'Ongeldige invoer', e.message, [{ name: e.field ?? 'invoer', code: e.code, reason: e.message }]);
  }
  throw e;
}

export interface LedgerBook {
  asOf: string;
  periods: string[];
  result: LedgersResult;
  names: Map<string, { name: string; provinceCode: string }>;
  steps: Map<string, LadderDecision[]>;
  provinces: { code: string; name: string }[];
}

/** Builds every municipality's ledger as it stands on `asOf`. */
export async function loadBook(db: Db, asOf: string): Promise<LedgerBook> {
  const [municipalities, reorganisations, provinces] = await Promise.all([listMunicipalities(db), listReorganisations(db), listProvinces(db)]);
  const decisions = await db
    .selectFrom('distribution_decision')
    .select(['period', 'result'])
    .where('kind', '=', 'taakstelling')
    .where('status', '=', 'gepubliceerd')
    .execute();
  const quotaByPeriod = new Map<string, Map<string, number>>();
  for (const d of decisions) {
    if (!d.period || comparePeriods(d.period, periodOf(asOf)) > 0) continue;
    const areas = (d.result as { areas: { code: string; assigned: number }[] }).areas;
    quotaByPeriod.set(d.period, new Map(areas.map((a) => [a.code, a.assigned])));
  }
  const periods = [...quotaByPeriod.keys()].sort(comparePeriods);
  const realised = await sql<{ municipality_code: string; month: string; persons: number }>`
    select municipality_code, to_char(housed_on, 'YYYY-MM') as month, sum(persons)::int as persons
    from realisation where source = 'coa' and housed_on <= ${asOf}::date
    group by municipality_code, to_char(housed_on, 'YYYY-MM')`.execute(db);
  const realisedBy = new Map<string, { month: string; persons: number }[]>();
  for (const r of realised.rows) realisedBy.set(r.municipality_code, [...(realisedBy.get(r.municipality_code) ?? []), { month: r.month, persons: r.persons }]);
  const swaps = await db.selectFrom('quota_swap').selectAll().execute();
  const excuses = await db.selectFrom('ledger_excuse').selectAll().execute();
  const openings = new Map((await db.selectFrom('ledger_opening_balance').selectAll().execute()).map((o) => [o.municipality_code, o]));
  const stepRows = await db.selectFrom('supervision_step').selectAll().orderBy('decided_on').orderBy('id').execute();
  const steps = new Map<string, LadderDecision[]>();
  for (const s of stepRows) {
    steps.set(s.municipality_code, [...(steps.get(s.municipality_code) ?? []), { step: s.step, date: s.decided_on, reason: s.reason, decidedBy: s.decided_by, documents: s.documents as string[] }]);
  }
  const histories: LedgerHistoryInput[] = [];
  for (const m of municipalities) {
    const own = periods.filter((p) => existsOn(m, periodRange(p).from) && quotaByPeriod.get(p)!.has(m.code));
    if (own.length === 0) continue;
    histories.push({
      municipalityCode: m.code,
      name: m.name,
      initialCarriedIn: openings.get(m.code)?.amount ?? 0,
      periods: own.map((p) => {
        const months = new Set(periodMonths(p));
        return {
          period: p,
          taakstelling: quotaByPeriod.get(p)!.get(m.code)!,
          swaps: swapEntriesFor(
            m.code,
            swaps.filter((s) => s.period === p).map((s) => ({ from: s.from_code, to: s.to_code, amount: s.amount })),
          ),
          realisations: (realisedBy.get(m.code) ?? []).filter((r) => months.has(r.month)),
        };
      }),
      excused: excuses.filter((e) => e.municipality_code === m.code).map((e) => ({ from: e.valid_from, to: e.valid_to, reason: e.reason })),
    });
  }
  try {
    // Reorganisations after the reading date have not happened yet, as far as this reading goes.
    const result = runLedgers({ municipalities: histories, reorganisations: reorganisations.filter((r) => r.effectiveDate <= asOf), asOf });
    return {
      asOf,
      periods,
      result,
      names: new Map(municipalities.map((m) => [m.code, { name: m.name, provinceCode: m.provinceCode }])),
      steps,
      provinces,
    };
  } catch (e) {
    return asProblem(e);
  }
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function requirePeriod(book: LedgerBook, period: string) {
  if (!book.periods.includes(period)) {
    throw notFound('periode-onbekend', `Voor ${period} is geen taakstelling gepubliceerd (of de datum ligt ervoor); bekend: ${book.periods.join(', ') || 'geen'}.`);
  }
}

export async function overview(db: Db, opts: { period: string; province?: string | undefined; asOf?: string | undefined }) {
  const asOf = opts.asOf ?? periodRange(opts.period).to;
  const book = await loadBook(db, asOf < today() ? asOf : today());
  requirePeriod(book, opts.period);
  const rows = book.result.ledgers
    .filter((l) => !opts.province || book.names.get(l.municipalityCode)?.provinceCode === opts.province)
    .flatMap((l) => {
      const p = l.periods.find((x) => x.period === opts.period);
      if (!p) return [];
      const history = book.steps.get(l.municipalityCode) ?? [];
      const row = supervisorRow(l, history, book.asOf);
      const suggestion = suggestStep({ ledger: l, history, asOf: book.asOf });
      const lastEnded = [...p.months].reverse().find((m) => m.status !== null);
      return [
        {
          ...row,
          name: book.names.get(l.municipalityCode)?.name ?? l.municipalityCode,
          provinceCode: book.names.get(l.municipalityCode)?.provinceCode ?? '',
          period: p.period,
          taakstelling: p.taakstelling,
          carriedIn: p.carriedIn,
          swapsNet: p.swapsNet,
          corrected: p.corrected,
          realised: p.realised,
          carriedOut: p.carriedOut,
          monthStatus: lastEnded?.status ?? null,
          suggestedStep: suggestion.suggested,
          suggestionReason: suggestion.reason,
          frozen: suggestion.frozen,
        },
      ];
    });
  const totals = nationalTotals(
    book.result.ledgers
      .filter((l) => !opts.province || book.names.get(l.municipalityCode)?.provinceCode === opts.province)
      .flatMap((l) => l.periods.filter((p) => p.period === opts.period)),
  );
  return {
    period: opts.period,
    asOf: book.asOf,
    province: opts.province ?? null,
    totals: {
      ...totals,
      shareBehind: totals.shareBehind ? totals.shareBehind.toNumber() : null,
      backlogCaughtUp: totals.backlogCaughtUp ? totals.backlogCaughtUp.toNumber() : null,
    },
    items: sortForSupervisor(rows),
  };
}

function ledgerView(l: MunicipalityLedger) {
  return {
    municipalityCode: l.municipalityCode,
    initialCarriedIn: l.initialCarriedIn,
    finalCarriedOut: l.finalCarriedOut,
    closed: l.closed ? { ...l.closed } : null,
    excused: l.excused,
    periods: l.periods.map((p) => ({
      period: p.period,
      taakstelling: p.taakstelling,
      carriedFromPrevious: p.carriedFromPrevious,
      transfersIn: p.transfersIn,
      carriedIn: p.carriedIn,
      swaps: p.swaps,
      swapsNet: p.swapsNet,
      corrected: p.corrected,
      realised: p.realised,
      carriedOut: p.carriedOut,
      finished: p.finished,
      explanation: p.explanation,
      months: p.months.map((m) => ({
        month: m.month,
        realised: m.realised,
        cumulative: m.cumulative,
        target: m.target.toNumber(),
        status: m.status,
        excusedReason: m.excused?.reason ?? null,
      })),
    })),
  };
}

/** A municipality's ledger, its ladder and the comparison of COA's count with its own, per month. */
export async function municipalityLedger(db: Db, code: string, asOf = today()) {
  const book = await loadBook(db, asOf);
  const l = book.result.byCode.get(code);
  if (!l) throw notFound('grootboek-onbekend', `Voor ${code} is geen grootboek: geen gepubliceerde taakstelling of onbekende gemeente.`);
  const history = book.steps.get(code) ?? [];
  const counts = await sql<{ month: string; source: 'coa' | 'gemeente'; persons: number }>`
    select to_char(housed_on, 'YYYY-MM') as month, source, sum(persons)::int as persons
    from realisation where municipality_code = ${code} group by 1, 2 order by 1`.execute(db);
  const months = [...new Set(counts.rows.map((r) => r.month))];
  return {
    municipalityCode: code,
    name: book.names.get(code)?.name ?? code,
    provinceCode: book.names.get(code)?.provinceCode ?? '',
    asOf: book.asOf,
    ledger: ledgerView(l),
    ladder: { current: currentStep(history), history, suggestion: suggestStep({ ledger: l, history, asOf: book.asOf }) },
    reconciliation: months.map((month) => {
      const coa = counts.rows.find((r) => r.month === month && r.source === 'coa')?.persons ?? null;
      const own = counts.rows.find((r) => r.month === month && r.source === 'gemeente')?.persons ?? null;
      return { month, coa, municipality: own, difference: coa !== null && own !== null ? own - coa : null };
    }),
  };
}

/** A province user takes (or eases) a supervision step; the ladder's rules decide whether it may. */
export async function decideStep(db: Db, actor: Actor, code: string, input: { step: LadderStep; date: string; reason: string; documents?: string[] | undefined }) {
  return inTransaction(db, async (trx) => {
    const history = (await trx.selectFrom('supervision_step').selectAll().where('municipality_code', '=', code).orderBy('decided_on').orderBy('id').execute()).map(
      (s) => ({ step: s.step, date: s.decided_on, reason: s.reason, decidedBy: s.decided_by }),
    );
    const excused = (await trx.selectFrom('ledger_excuse').selectAll().where('municipality_code', '=', code).execute()).map((e) => ({ from: e.valid_from, to: e.valid_to, reason: e.reason }));
    let verdict;
    try {
      verdict = validateStepChange(history, { step: input.step, date: input.date, reason: input.reason, decidedBy: actorLabel(actor.principal) }, { excused });
    } catch (e) {
      return asProblem(e);
    }
    if (!verdict.ok) throw badRequest('stap-ongeldig', verdict.reason, [{ name: 'step', code: 'stap-ongeldig', reason: verdict.reason }]);
    const { id } = await trx
      .insertInto('supervision_step')
      .values({ municipality_code: code, step: input.step, decided_on: input.date, reason: input.reason.trim(), documents: JSON.stringify(input.documents ?? []), decided_by: actorLabel(actor.principal) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'create',
      resourceType: 'toezichtstap',
      resourceId: `${code}/${id}`,
      before: { step: currentStep(history).step },
      after: { step: input.step, date: input.date, reason: input.reason, direction: verdict.direction },
    });
    return { id, municipalityCode: code, step: input.step, date: input.date, direction: verdict.direction };
  });
}

export async function recordExcuse(db: Db, actor: Actor, code: string, input: { from: string; to: string; reason: string }) {
  if (input.from > input.to) throw badRequest('periode-ongeldig', 'De vrijstelling begint na haar einde.', [{ name: 'from', code: 'periode-ongeldig', reason: 'from ligt na to' }]);
  return inTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto('ledger_excuse')
      .values({ municipality_code: code, valid_from: input.from, valid_to: input.to, reason: input.reason.trim(), recorded_by: actorLabel(actor.principal) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'create', resourceType: 'vrijstelling', resourceId: `${code}/${id}`, after: input });
    return { id, municipalityCode: code, ...input };
  });
}

/** The map's figures as they stand now (what a publication would freeze), for a province or the nation. */
export async function mapFigures(db: Db, period: string, province?: string) {
  // overview() reads as of the end of the half-year, or today while it is running.
  const data = await overview(db, { period, province });
  return {
    period,
    asOf: data.asOf,
    legend: mapLegend(),
    items: data.items
      .map((r) => ({
        code: r.code,
        name: r.name,
        provinceCode: r.provinceCode,
        corrected: r.corrected,
        realised: r.realised,
        percentage: percentageRealised(r.realised, r.corrected),
        class: mapClass(r.realised, r.corrected),
      }))
      .sort((a, b) => a.code.localeCompare(b.code)),
  };
}

/**
 * A province publishes its half-year map once the half-year is over: the figures are frozen as a new
 * version; the public map shows the latest version per province.
 */
export async function publishMap(db: Db, actor: Actor, input: { period: string; provinceCode: string }) {
  const { to } = periodRange(input.period);
  if (to >= today()) throw conflict('periode-loopt-nog', `Het halfjaar ${input.period} loopt nog tot en met ${to}; de kaart kan pas daarna worden gepubliceerd.`);
  return inTransaction(db, async (trx) => {
    const province = await trx.selectFrom('province').select(['code', 'name']).where('code', '=', input.provinceCode).executeTakeFirst();
    if (!province) throw notFound('provincie-onbekend', `Provincie ${input.provinceCode} bestaat niet.`);
    const figures = await mapFigures(trx, input.period, input.provinceCode);
    // Publications of one province and period are numbered one after the other; an advisory lock keeps two at once apart.
    await sql`select pg_advisory_xact_lock(hashtext(${`kaart|${input.period}|${input.provinceCode}`}))`.execute(trx);
    const last = await trx
      .selectFrom('public_map_publication')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('period', '=', input.period)
      .where('province_code', '=', input.provinceCode)
      .executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    const row = await trx
      .insertInto('public_map_publication')
      .values({ period: input.period, province_code: input.provinceCode, version, as_of: figures.asOf, items: JSON.stringify(figures.items), published_by: actorLabel(actor.principal) })
      .returning(['id', 'published_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'publish',
      resourceType: 'halfjaarkaart',
      resourceId: `${input.period}/${input.provinceCode}`,
      after: { version, asOf: figures.asOf, municipalities: figures.items.length },
    });
    return { id: row.id, period: input.period, provinceCode: province.code, provinceName: province.name, version, asOf: figures.asOf, publishedAt: row.published_at.toISOString(), municipalities: figures.items.length };
  });
}

/** The public half-year map: per province its latest publication; provinces that did not publish yet are named. */
export async function publishedMap(db: Db, period: string) {
  periodRange(period);
  const provinces = await listProvinces(db);
  const rows = await db
    .selectFrom('public_map_publication')
    .selectAll()
    .where('period', '=', period)
    .orderBy('province_code')
    .orderBy('version', 'desc')
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.province_code)) latest.set(r.province_code, r);
  return {
    period,
    legend: mapLegend(),
    provinces: provinces.map((p) => {
      const r = latest.get(p.code);
      return { code: p.code, name: p.name, published: r ? { version: r.version, asOf: r.as_of, publishedAt: r.published_at.toISOString() } : null };
    }),
    items: [...latest.values()].flatMap((r) => r.items as MapItem[]).sort((a, b) => a.code.localeCompare(b.code)),
  };
}

export type MapItem = Awaited<ReturnType<typeof mapFigures>>['items'][number];

/**
 * Records an agreed swap of taakstelling between two municipalities (Huisvestingswet art. 29(2)):
 * `to` takes over `amount` of `from`'s task in `period`. Checked with all earlier swaps of that
 * half-year: same province, whole positive amount, nobody's task below 0.
 */
export async function recordSwap(db: Db, actor: Actor, input: { period: string; from: string; to: string; amount: number; reason: string }) {
  return inTransaction(db, async (trx) => {
    const decision = await trx
      .selectFrom('distribution_decision')
      .select(['result'])
      .where('kind', '=', 'taakstelling')
      .where('status', '=', 'gepubliceerd')
      .where('period', '=', input.period)
      .executeTakeFirst();
    if (!decision) throw notFound('periode-onbekend', `Voor ${input.period} is geen taakstelling gepubliceerd.`);
    const areas = (decision.result as { areas: { code: string; parentCode: string | null; assigned: number }[] }).areas;
    const earlier = await trx.selectFrom('quota_swap').selectAll().where('period', '=', input.period).execute();
    try {
      applySwaps(
        areas.map((a) => ({ id: a.code, parentId: a.parentCode, assigned: a.assigned })),
        [...earlier.map((s) => ({ from: s.from_code, to: s.to_code, amount: s.amount })), { from: input.from, to: input.to, amount: input.amount }],
      );
    } catch (e) {
      if (e instanceof DistributionError) throw badRequest(e.code, e.message, [{ name: e.field?.startsWith('swaps') ? 'swap' : (e.field ?? 'swap'), code: e.code, reason: e.message }]);
      throw e;
    }
    const { id } = await trx
      .insertInto('quota_swap')
      .values({ period: input.period, from_code: input.from, to_code: input.to, amount: input.amount, reason: input.reason.trim(), recorded_by: actorLabel(actor.principal) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'create', resourceType: 'ruil', resourceId: String(id), after: input });
    return { id, ...input };
  });
}
