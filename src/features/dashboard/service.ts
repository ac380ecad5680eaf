import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import { comparePeriods, periodOf } from '../../domain/ledger/index.ts';
import { periodRange } from '../ledger/realisations.ts';
import { listLocations, nationalReception } from '../reception/service.ts';
import { overview } from '../ledger/service.ts';
import { list as listDecisions } from '../distribution/service.ts';
import { listActions } from '../agenda/actions.ts';
import { reportStatus } from '../agenda/reports.ts';
import { dutchToday } from '../agenda/dates.ts';
import { getMeeting, listBodies, listMeetings } from '../meetings/service.ts';
import { listProvinces } from '../regions/repository.ts';

/**
 * The dashboards: what the LRT (national) and a PRT (one province) look at on the morning of a meeting. Nothing is
 * computed here that another feature computes already: the reception picture, the ledger overview, the actions, the
 * report status and the meetings come from their own services; this module picks the date each is read on, takes
 * the province's part and says of every figure when it is from, where it comes from and which page shows its detail.
 */

/** A figure as the dashboard shows it: its value, the day it is from, its source in words, the page with the detail. */
export interface Figure<T> {
  value: T;
  asOf: string | null;
  source: string;
  href: string;
}

const fig = <T>(value: T, asOf: string | null, source: string, href: string): Figure<T> => ({ value, asOf, source, href });

const SOURCE = {
  occupancy: 'COA-bezettingsopgave',
  permitHolders: 'COA-bezettingsopgave (statushouders die in de opvang op een woning wachten)',
  capacity: (title: string) => `${title} (gepubliceerd) en de capaciteit per locatie volgens COA`,
  ledger: (period: string) => `gepubliceerde taakstelling ${period} en COA-realisaties`,
  actions: 'actieagenda van de Regietafel (huidige status van elke actie)',
  reports: 'maandrapportages van de provincies',
  meetings: (body: string) => `vergaderplanning ${body}`,
};

/** How many municipalities the province dashboard names as furthest behind. */
export const FURTHEST_BEHIND = 10;

const query = (params: Record<string, string | null | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
};

/**
 * The half-year the ledger is read for: the one that contains the reading date when its taakstelling is published,
 * else the latest published one before it (so a dashboard read today, in a half-year without figures, shows the last
 * half-year that has them). Read on the reading date inside that half-year, else at its end (the ledger's default).
 */
async function ledgerPeriod(db: Db, asOf: string): Promise<{ period: string; asOf: string | undefined } | null> {
  const published = (await listDecisions(db, { kind: 'taakstelling', status: 'gepubliceerd', includeDrafts: false })).items
    .map((d) => d.period)
    .filter((p): p is string => p !== null && comparePeriods(p, periodOf(asOf)) <= 0)
    .sort(comparePeriods);
  const period = published.at(-1);
  if (!period) return null;
  return { period, asOf: asOf < periodRange(period).to ? asOf : undefined };
}

async function provinceName(db: Db, code: string): Promise<string> {
  const p = (await listProvinces(db)).find((x) => x.code === code);
  if (!p) throw notFound('provincie-onbekend', `Provincie ${code} bestaat niet (PV20 t/m PV31); er is geen dashboard voor.`);
  return p.name;
}

async function receptionPart(db: Db, asOf: string, province: string | null) {
  const locations = await listLocations(db, asOf);
  // The latest day with figures on or before the reading date; the national picture is read on that day.
  const day = locations.items.reduce<string | null>((max, l) => (l.lastDay && (!max || l.lastDay > max) ? l.lastDay : max), null);
  if (!day) return null;
  const national = await nationalReception(db, day);
  const ofProvince = locations.items.filter((l) => !province || l.provinceCode === province);
  const reportedOnDay = ofProvince.filter((l) => l.lastDay === day);
  const href = `/opvang${query({ peildatum: day })}`;
  const centres = national.registrationCentres
    .filter((c) => !province || ofProvince.some((l) => l.code === c.code))
    .map((c) => ({
      code: c.code,
      name: c.name,
      norm: c.norm,
      overNorm: c.norm !== null && c.occupancy !== null && c.occupancy > c.norm,
      breachDays: c.summary.breachDays,
      currentStreakDays: c.summary.currentStreak?.breachDays ?? null,
      occupancy: fig(c.occupancy, day, SOURCE.occupancy, `/opvang/${c.code}`),
    }));
  const share = national.capacityShare;
  const provinceShare = share && province ? (share.provinces.find((p) => p.provinceCode === province) ?? null) : null;
  const capacityHref = province ? `/dashboard/${province}` : href;
  return {
    asOf: day,
    registrationCentres: centres,
    // A province's figures are the sum of its locations that reported on the day, as the national sum is.
    permitHolders: fig(
      province ? reportedOnDay.reduce((s, l) => s + (l.permitHolders ?? 0), 0) : national.permitHolders,
      day,
      SOURCE.permitHolders,
      href,
    ),
    occupancy: fig(province ? reportedOnDay.reduce((s, l) => s + (l.occupancy ?? 0), 0) : national.occupancy, day, SOURCE.occupancy, href),
    capacity: fig(province ? ofProvince.reduce((s, l) => s + l.capacity, 0) : national.capacity, day, SOURCE.occupancy, href),
    capacityShare: share
      ? {
          decisionId: share.decisionId,
          title: share.title,
          asOf: day,
          source: SOURCE.capacity(share.title),
          href: `/verdeling/${share.decisionId}`,
          total: fig(
            province ? provinceShare : share.total,
            day,
            SOURCE.capacity(share.title),
            capacityHref,
          ),
          provinces: province ? [] : share.provinces.map((p) => ({ ...p, href: `/dashboard/${p.provinceCode}` })),
        }
      : null,
    locations: province
      ? ofProvince.map((l) => ({
          code: l.code,
          name: l.name,
          typeLabel: l.typeLabel,
          municipalityCode: l.municipalityCode,
          municipalityName: l.municipalityName,
          capacity: l.capacity,
          norm: l.norm,
          overNorm: l.overNorm,
          permitHolders: l.permitHolders,
          occupancy: fig(l.occupancy, l.lastDay, SOURCE.occupancy, `/opvang/${l.code}`),
        }))
      : [],
  };
}

async function ledgerPart(db: Db, asOf: string, province: string | null) {
  const chosen = await ledgerPeriod(db, asOf);
  if (!chosen) return null;
  const o = await overview(db, { period: chosen.period, province: province ?? undefined, asOf: chosen.asOf });
  const source = SOURCE.ledger(o.period);
  const href = `/taakstelling/overzicht${query({ periode: o.period, provincie: province ?? 'alle', peildatum: o.asOf })}`;
  const t = o.totals;
  const byProvince = new Map<string, { provinceCode: string; municipalities: number; taakstelling: number; corrected: number; realised: number; carriedIn: number }>();
  if (!province) {
    for (const i of o.items) {
      const p = byProvince.get(i.provinceCode) ?? { provinceCode: i.provinceCode, municipalities: 0, taakstelling: 0, corrected: 0, realised: 0, carriedIn: 0 };
      p.municipalities++;
      p.taakstelling += i.taakstelling;
      p.corrected += i.corrected;
      p.realised += i.realised;
      p.carriedIn += i.carriedIn;
      byProvince.set(i.provinceCode, p);
    }
  }
  const municipalities = province
    ? o.items
        .map((i) => ({
          code: i.code,
          name: i.name,
          taakstelling: i.taakstelling,
          corrected: i.corrected,
          realised: i.realised,
          // Still to house in the half-year; an advance counts as nothing left.
          remaining: Math.max(0, i.corrected - i.realised),
          status: i.currentStatus ?? i.monthStatus,
          step: i.step,
          href: `/taakstelling/${i.code}${query({ peildatum: o.asOf })}`,
        }))
        .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
    : [];
  return {
    period: o.period,
    asOf: o.asOf,
    source,
    href,
    municipalities: fig(t.municipalities, o.asOf, source, href),
    taakstelling: fig(t.taakstelling, o.asOf, source, href),
    carriedIn: fig(t.carriedIn, o.asOf, source, href),
    corrected: fig(t.corrected, o.asOf, source, href),
    realised: fig(t.realised, o.asOf, source, href),
    remaining: fig(Math.max(0, t.corrected - t.realised), o.asOf, source, href),
    behind: fig(t.behind, o.asOf, source, href),
    provinces: [...byProvince.values()]
      .sort((a, b) => a.provinceCode.localeCompare(b.provinceCode))
      .map((p) => ({ ...p, href: `/dashboard/${p.provinceCode}` })),
    municipalityList: municipalities,
    furthestBehind: [...municipalities]
      .filter((m) => m.remaining > 0)
      .sort((a, b) => b.remaining - a.remaining || a.name.localeCompare(b.name, 'nl'))
      .slice(0, FURTHEST_BEHIND),
  };
}

async function actionsPart(db: Db, asOf: string, province: string | null) {
  const { items } = await listActions(db, { overdue: true, province: province ?? undefined }, asOf);
  const href = `/acties${query({ provincie: province, 'over-termijn': 'ja' })}`;
  return {
    overdue: fig(items.length, asOf, SOURCE.actions, href),
    items: items.map((a) => ({
      id: a.id,
      description: a.description,
      holder: a.holder.organisation,
      measure: `${a.programme.code} maatregel ${a.measure.number}`,
      deadline: a.deadline,
      status: a.status,
      provinceCode: a.provinceCode,
      href: `/acties/${a.id}`,
    })),
  };
}

async function reportsPart(db: Db, asOf: string, province: string | null) {
  const s = await reportStatus(db, { today: asOf });
  const late = s.cells.filter((c) => (c.state === 'ontbreekt' || c.state === 'te-laat') && (!province || c.province === province));
  const row = province ? (s.provinces.find((p) => p.province === province) ?? null) : s.national;
  const item = (c: (typeof s.cells)[number]) => ({
    provinceCode: c.province,
    provinceName: s.provinceNames[c.province] ?? c.province,
    month: c.month,
    deadline: c.deadline,
    submittedOn: c.submittedOn,
    state: c.state,
    daysLate: c.daysLate,
    href: `/rapportages/${c.province}/${c.month}`,
  });
  return {
    late: fig(late.length, s.today, SOURCE.reports, '/rapportages'),
    completenessPercent: fig(row?.completenessPercent ?? null, s.today, SOURCE.reports, '/rapportages'),
    timelinessPercent: fig(row?.timelinessPercent ?? null, s.today, SOURCE.reports, '/rapportages'),
    items: late.map(item),
    // The province dashboard shows every month of its own reports, late or not.
    months: province ? s.cells.filter((c) => c.province === province).map(item) : [],
  };
}

/**
 * The next meeting on or after the reading date, with its agenda; when none is planned, the latest one held (a
 * dashboard read after the last meeting still shows what was discussed). For a province its own table (PRT) when
 * that table has meetings, else the national table's.
 */
async function meetingPart(db: Db, asOf: string, province: string | null) {
  const bodies = await listBodies(db);
  const candidates = [...(province ? bodies.filter((b) => b.kind === 'PRT' && b.provinceCode === province) : []), ...bodies.filter((b) => b.kind === 'LRT')];
  for (const body of candidates) {
    const meetings = await listMeetings(db, body.id);
    const next = meetings.filter((m) => m.date >= asOf).sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id)[0];
    const chosen = next ?? meetings.filter((m) => m.date < asOf).sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id)[0];
    if (!chosen) continue;
    const m = await getMeeting(db, chosen.id);
    return {
      kind: next ? ('volgende' as const) : ('laatste' as const),
      id: m.id,
      date: m.date,
      place: m.place,
      body: { code: m.body.code, name: m.body.name },
      asOf,
      source: SOURCE.meetings(m.body.name),
      href: `/vergaderingen/${m.id}`,
      agenda: m.agenda.map((i) => ({ number: i.number, title: i.title })),
    };
  }
  return null;
}

/** Dutch today: the default reading date (each part then finds its own latest figures on or before it). */
export function defaultAsOf(): string {
  return dutchToday(new Date());
}

// One after the other: inside the read's one transaction (cachedRead) there is one connection anyway.
async function parts(db: Db, asOf: string, province: string | null) {
  const reception = await receptionPart(db, asOf, province);
  const ledger = await ledgerPart(db, asOf, province);
  const actions = await actionsPart(db, asOf, province);
  const reports = await reportsPart(db, asOf, province);
  const meeting = await meetingPart(db, asOf, province);
  return { reception, ledger, actions, reports, meeting };
}

export async function nationalDashboard(db: Db, opts: { asOf?: string | undefined } = {}) {
  const asOf = opts.asOf ?? defaultAsOf();
  const provinces = await listProvinces(db);
  return {
    asOf,
    province: null,
    provinces: provinces.map((p) => ({ code: p.code, name: p.name, href: `/dashboard/${p.code}` })),
    ...(await parts(db, asOf, null)),
  };
}

export async function provinceDashboard(db: Db, code: string, opts: { asOf?: string | undefined } = {}) {
  const name = await provinceName(db, code);
  const asOf = opts.asOf ?? defaultAsOf();
  return { asOf, province: { code, name }, provinces: [], ...(await parts(db, asOf, code)) };
}
