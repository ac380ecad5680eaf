import PDFDocument from 'pdfkit';
import { inTransaction } from '../../platform/db/database.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import { staleVersion } from '../../platform/http/errors.ts';
import { actorLabel } from '../../domain/access/policies.ts';
import { AgendaError, checkSubmit, reportDeadline, timeliness, type ReportContent } from '../../domain/agenda/index.ts';
import { periodOf } from '../../domain/ledger/index.ts';
import { formatInteger } from '../../lib/dutch.ts';
import { recordAudit, type Actor } from '../audit/audit.ts';
import { listProvinces } from '../regions/repository.ts';
import { overview } from '../ledger/service.ts';
import { nationalReception } from '../reception/service.ts';
import { dutchToday } from './dates.ts';

/**
 * Monthly provincial reports: per province per month, pre-filled with its figures, completed with bottlenecks and
 * progress per measure, submitted (then locked, also by the database). Which months are expected and when they are
 * due is a setting of the secretariat (`app_setting` 'rapportages').
 */
export interface ReportSettings {
  /** First month a report is expected ('YYYY-MM'); null: none expected yet. */
  firstMonth: string | null;
  /** Last month expected; null: up to the month before today. */
  lastMonth: string | null;
  /** Reports are due on this working day of the next month. */
  workingDay: number;
}

const DEFAULT_SETTINGS: ReportSettings = { firstMonth: null, lastMonth: null, workingDay: 5 };

export async function reportSettings(db: Db): Promise<ReportSettings> {
  const row = await db.selectFrom('app_setting').select('value').where('key', '=', 'rapportages').executeTakeFirst();
  return { ...DEFAULT_SETTINGS, ...((row?.value as Partial<ReportSettings> | undefined) ?? {}) };
}

export async function setReportSettings(db: Db, actor: Actor, value: ReportSettings) {
  if (value.firstMonth && value.lastMonth && value.lastMonth < value.firstMonth) {
    throw new AppError(400, 'periode-ongeldig', 'Ongeldige invoer', 'De laatste maand ligt voor de eerste.', [{ name: 'lastMonth', code: 'periode-ongeldig', reason: 'ligt voor firstMonth' }]);
  }
  return inTransaction(db, async (trx) => {
    const before = await reportSettings(trx);
    await trx
      .insertInto('app_setting')
      .values({ key: 'rapportages', value: JSON.stringify(value), updated_by: actorLabel(actor.principal) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_by: actorLabel(actor.principal), updated_at: new Date() }))
      .execute();
    await recordAudit(trx, actor, { action: 'update', resourceType: 'instelling', resourceId: 'rapportages', before, after: value });
    return value;
  });
}

function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (;;) {
    const label = `${y}-${String(m).padStart(2, '0')}`;
    if (label > last) return out;
    out.push(label);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
}

function previousMonth(today: string): string {
  const [y, m] = today.slice(0, 7).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The months reports are expected for, up to and including `upTo` (default: the month before today). */
export async function reportMonths(db: Db, today: string): Promise<string[]> {
  const s = await reportSettings(db);
  if (!s.firstMonth) return [];
  const last = [s.lastMonth ?? '9999-12', previousMonth(today)].sort()[0]!;
  return monthsBetween(s.firstMonth, last);
}

/** Every report expected (province × month) with its deadline and, when submitted, the day it was. */
export async function expectedReports(db: Db, today: string) {
  const s = await reportSettings(db);
  const months = await reportMonths(db, today);
  if (months.length === 0) return [];
  const provinces = await listProvinces(db);
  const stored = await db.selectFrom('provincial_report').select(['province_code', 'month', 'status', 'submitted_on']).where('month', 'in', months).execute();
  const byKey = new Map(stored.map((r) => [`${r.province_code}|${r.month}`, r]));
  return months.flatMap((month) =>
    provinces.map((p) => {
      const r = byKey.get(`${p.code}|${month}`);
      return {
        provinceCode: p.code,
        provinceName: p.name,
        month,
        deadline: reportDeadline(month, { workingDay: s.workingDay }),
        status: r?.status ?? null,
        submittedOn: r?.status === 'ingediend' ? r.submitted_on : null,
      };
    }),
  );
}

function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The province's figures of the month, as the report shows them (pre-filled; frozen when submitted). */
export async function reportFigures(db: Db, provinceCode: string, month: string, today: string) {
  const asOf = [lastDay(month), today].sort()[0]!;
  let ledger = null;
  try {
    const o = await overview(db, { period: periodOf(month), province: provinceCode, asOf });
    ledger = { period: o.period, asOf: o.asOf, taakstelling: o.totals.taakstelling, corrected: o.totals.corrected, realised: o.totals.realised, behind: o.totals.behind, municipalities: o.totals.municipalities };
  } catch (e) {
    if (!(e instanceof AppError && e.status === 404)) throw e;
  }
  let reception = null;
  const r = await nationalReception(db, asOf);
  const row = r.capacityShare?.provinces.find((p) => p.provinceCode === provinceCode);
  if (r.asOf && row) reception = { asOf: r.asOf, places: row.realised, share: row.share, percentage: row.percentage };
  const overdue = await db
    .selectFrom('action as a')
    .innerJoin('measure as m', 'm.id', 'a.measure_id')
    .select(['a.id', 'a.description', 'a.deadline', 'm.number'])
    .where('a.province_code', '=', provinceCode)
    .where('a.status', 'not in', ['gereed', 'vervallen'])
    .where('a.deadline', '<', asOf)
    .orderBy('a.deadline')
    .execute();
  return { asOf, ledger, reception, overdueActions: overdue.map((a) => ({ id: a.id, measure: a.number, description: a.description, deadline: a.deadline })) };
}

function view(row: { province_code: string; month: string; status: 'concept' | 'ingediend'; content: unknown; deadline: string; submitted_on: string | null; submitted_by: string | null; version: number }, provinceName: string) {
  return {
    provinceCode: row.province_code,
    provinceName,
    month: row.month,
    status: row.status,
    deadline: row.deadline,
    submittedOn: row.submitted_on,
    submittedBy: row.submitted_by,
    version: row.version,
    content: row.content as ReportContent,
  };
}

async function provinceName(db: Db, code: string) {
  const p = await db.selectFrom('province').select('name').where('code', '=', code).executeTakeFirst();
  if (!p) throw notFound('provincie-onbekend', `Provincie ${code} bestaat niet.`);
  return p.name;
}

/** The stored report, or a new draft pre-filled with the figures (not stored until saved). */
export async function getReport(db: Db, provinceCode: string, month: string, today = dutchToday(new Date())) {
  const name = await provinceName(db, provinceCode);
  const row = await db.selectFrom('provincial_report').selectAll().where('province_code', '=', provinceCode).where('month', '=', month).executeTakeFirst();
  if (row) return { ...view(row, name), stored: true };
  const s = await reportSettings(db);
  return {
    provinceCode,
    provinceName: name,
    month,
    status: 'concept' as const,
    deadline: reportDeadline(month, { workingDay: s.workingDay }),
    submittedOn: null,
    submittedBy: null,
    version: 0,
    content: { figures: await reportFigures(db, provinceCode, month, today), bottlenecks: '', measures: [] } as ReportContent,
    stored: false,
  };
}

/** Saves the draft (version 0 creates it); the figures are refreshed on every save until submission. */
export async function saveReport(db: Db, actor: Actor, provinceCode: string, month: string, input: { version: number; bottlenecks: string; measures: { measure: string; progress: string }[] }, today = dutchToday(new Date())) {
  return inTransaction(db, async (trx) => {
    const name = await provinceName(trx, provinceCode);
    const row = await trx.selectFrom('provincial_report').selectAll().where('province_code', '=', provinceCode).where('month', '=', month).forUpdate().executeTakeFirst();
    if (row?.status === 'ingediend') throw conflict('rapportage-ingediend', `De rapportage ${month} van ${name} is ingediend en kan niet meer worden gewijzigd.`);
    if ((row?.version ?? 0) !== input.version) throw staleVersion(`de rapportage ${month} van ${name}`, row?.version ?? 0);
    const content: ReportContent = { figures: await reportFigures(trx, provinceCode, month, today), bottlenecks: input.bottlenecks, measures: input.measures };
    const s = await reportSettings(trx);
    let saved;
    if (!row) {
      saved = await trx
        .insertInto('provincial_report')
        .values({ province_code: provinceCode, month, content: JSON.stringify(content), deadline: reportDeadline(month, { workingDay: s.workingDay }), created_by: actorLabel(actor.principal) })
        .returningAll()
        .executeTakeFirstOrThrow();
    } else {
      saved = await trx
        .updateTable('provincial_report')
        .set({ content: JSON.stringify(content), updated_at: new Date(), version: row.version + 1 })
        .where('id', '=', row.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    }
    await recordAudit(trx, actor, { action: row ? 'update' : 'create', resourceType: 'rapportage', resourceId: `${provinceCode}/${month}`, before: row ? row.content : undefined, after: content });
    return { ...view(saved, name), stored: true };
  });
}

/** Submits the report: checked complete, then locked for good. */
export async function submitReport(db: Db, actor: Actor, provinceCode: string, month: string, version: number, today = dutchToday(new Date())) {
  return inTransaction(db, async (trx) => {
    const name = await provinceName(trx, provinceCode);
    const row = await trx.selectFrom('provincial_report').selectAll().where('province_code', '=', provinceCode).where('month', '=', month).forUpdate().executeTakeFirst();
    if (!row) throw notFound('rapportage-onbekend', `Er is nog geen concept van de rapportage ${month} van ${name}; sla eerst een concept op.`);
    if (row.status === 'ingediend') throw conflict('rapportage-ingediend', `De rapportage ${month} van ${name} is al ingediend op ${row.submitted_on}.`);
    if (row.version !== version) throw staleVersion(`de rapportage ${month} van ${name}`, row.version);
    try {
      checkSubmit(row.content as ReportContent, { status: row.status });
    } catch (e) {
      if (e instanceof AgendaError) throw new AppError(422, e.code, 'Onvolledig', e.message, [{ name: e.field ?? 'content', code: e.code, reason: e.message }]);
      throw e;
    }
    const saved = await trx
      .updateTable('provincial_report')
      .set({ status: 'ingediend', submitted_at: new Date(), submitted_on: today, submitted_by: actorLabel(actor.principal), version: row.version + 1 })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'update', resourceType: 'rapportage', resourceId: `${provinceCode}/${month}`, before: { status: 'concept' }, after: { status: 'ingediend', submittedOn: today, onTime: today <= row.deadline } });
    return { ...view(saved, name), stored: true };
  });
}

/** Completeness and timeliness per province over the expected months (DHIS2's reporting rates). */
export async function reportStatus(db: Db, opts: { month?: string | undefined; today?: string } = {}) {
  const today = opts.today ?? dutchToday(new Date());
  const s = await reportSettings(db);
  let months = await reportMonths(db, today);
  if (opts.month) months = months.filter((m) => m === opts.month);
  const provinces = await listProvinces(db);
  const stored = months.length === 0 ? [] : await db.selectFrom('provincial_report').select(['province_code', 'month', 'submitted_on', 'status']).where('month', 'in', months).execute();
  const result = timeliness({
    months,
    provinces: provinces.map((p) => p.code),
    reports: stored.map((r) => ({ province: r.province_code, month: r.month, submittedOn: r.status === 'ingediend' ? r.submitted_on : null })),
    deadline: (m: string) => reportDeadline(m, { workingDay: s.workingDay }),
    today,
  });
  return { today, months, settings: s, provinceNames: Object.fromEntries(provinces.map((p) => [p.code, p.name])), ...result };
}

/** The national monthly overview of all provinces' reports, as a plain accessible HTML document. */
export async function monthlyOverview(db: Db, month: string) {
  const provinces = await listProvinces(db);
  const reports = await db.selectFrom('provincial_report').selectAll().where('month', '=', month).execute();
  const s = await reportSettings(db);
  return {
    month,
    deadline: reportDeadline(month, { workingDay: s.workingDay }),
    provinces: provinces.map((p) => {
      const r = reports.find((x) => x.province_code === p.code);
      return { code: p.code, name: p.name, status: r?.status ?? 'ontbreekt', submittedOn: r?.submitted_on ?? null, content: (r?.content as ReportContent | undefined) ?? null };
    }),
  };
}

const esc = (t: string) => t.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function overviewHtml(o: Awaited<ReturnType<typeof monthlyOverview>>): string {
  const rows = o.provinces
    .map((p) => `<tr><th scope="row">${esc(p.name)}</th><td>${esc(p.status)}</td><td>${p.submittedOn ?? '—'}</td><td>${p.submittedOn ? (p.submittedOn <= o.deadline ? 'ja' : 'nee') : '—'}</td></tr>`)
    .join('\n');
  const sections = o.provinces
    .filter((p) => p.content && p.status === 'ingediend')
    .map((p) => {
      const c = p.content!;
      const f = c.figures as Awaited<ReturnType<typeof reportFigures>>;
      const figures = [
        f.ledger ? `<li>Taakstelling ${esc(f.ledger.period)}: gecorrigeerd ${formatInteger(f.ledger.corrected)}, gerealiseerd ${formatInteger(f.ledger.realised)} (stand ${f.ledger.asOf})</li>` : '',
        f.reception ? `<li>Opvangplekken: ${formatInteger(f.reception.places)} van ${formatInteger(f.reception.share)} (${esc(f.reception.percentage ?? '—')} %)</li>` : '',
        `<li>Acties over de termijn: ${f.overdueActions.length}</li>`,
      ].join('');
      const measures = c.measures.map((m) => `<li><strong>${esc(m.measure)}</strong>: ${esc(m.progress)}</li>`).join('');
      return `<section><h2>${esc(p.name)}</h2><ul>${figures}</ul><h3>Knelpunten</h3><p>${esc(c.bottlenecks)}</p><h3>Voortgang per maatregel</h3><ul>${measures}</ul></section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Maandoverzicht provinciale rapportages ${o.month}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}table{border-collapse:collapse}th,td{border:1px solid #666;padding:.25rem .5rem;text-align:left}</style></head>
<body><main><h1>Maandoverzicht provinciale rapportages ${o.month}</h1>
<p>Uiterste datum: ${o.deadline}.</p>
<table><caption>Ontvangen rapportages</caption><thead><tr><th scope="col">Provincie</th><th scope="col">Status</th><th scope="col">Ingediend op</th><th scope="col">Op tijd</th></tr></thead>
<tbody>${rows}</tbody></table>
${sections}
</main></body></html>`;
}

export function overviewPdf(o: Awaited<ReturnType<typeof monthlyOverview>>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Maandoverzicht provinciale rapportages ${o.month}`, Author: 'Regietafel' }, lang: 'nl-NL', tagged: true } as PDFKit.PDFDocumentOptions);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(18).text(`Maandoverzicht provinciale rapportages ${o.month}`);
    doc.moveDown(0.5).fontSize(11).text(`Uiterste datum: ${o.deadline}.`);
    doc.moveDown();
    for (const p of o.provinces) {
      const onTime = p.submittedOn ? (p.submittedOn <= o.deadline ? 'op tijd' : 'te laat') : '';
      doc.fontSize(11).text(`${p.name}: ${p.status}${p.submittedOn ? ` op ${p.submittedOn} (${onTime})` : ''}`);
    }
    for (const p of o.provinces.filter((x) => x.content && x.status === 'ingediend')) {
      const c = p.content!;
      doc.addPage().fontSize(16).text(p.name);
      doc.moveDown(0.5).fontSize(13).text('Knelpunten');
      doc.fontSize(11).text(c.bottlenecks);
      doc.moveDown(0.5).fontSize(13).text('Voortgang per maatregel');
      for (const m of c.measures) doc.fontSize(11).text(`${m.measure}: ${m.progress}`);
    }
    doc.end();
  });
}
