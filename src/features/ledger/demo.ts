import type { DemoStep } from '../demo/seed.ts';
import { systemActor } from '../audit/audit.ts';
import { insertLines } from './realisations.ts';
import { decideStep, publishMap } from './service.ts';
import { periodMonths } from '../../domain/ledger/index.ts';
import type { LadderStep } from '../../domain/ledger/index.ts';

const actor = systemActor('demodata');

/**
 * A ledger consistent with the seed (LRT, 8 July 2022): nationally the bare taakstelling of 2022-I
 * (10,000) was met and half of the backlog carried into it was caught up; 2022-II (13,500) is running
 * (realisations up to and including September); a few municipalities on each step of the ladder.
 * The figures are made up for the demo, not COA's real registrations.
 */
export const ledgerDemoStep: DemoStep = {
  name: 'grootboek-2022',
  async run(db) {
    const quotas = await db.selectFrom('distribution_decision').select(['period', 'result']).where('kind', '=', 'taakstelling').where('status', '=', 'gepubliceerd').execute();
    const areasOf = (period: string) =>
      ((quotas.find((q) => q.period === period)?.result as { areas: { code: string; assigned: number }[] } | undefined)?.areas ?? []).slice().sort((a, b) => a.code.localeCompare(b.code));
    const first = areasOf('2022-I');
    const second = areasOf('2022-II');
    if (first.length === 0 || second.length === 0) throw new Error('De demo-grootboeken hebben de taakstellingen 2022-I en 2022-II nodig');

    // Every third municipality carries a backlog of a fifth of its task into 2022-I (an even number, so half is whole).
    const backlog = new Map(first.map((a, i) => [a.code, i % 3 === 0 ? 2 * Math.round(a.assigned / 10) : 0]));
    await db
      .insertInto('ledger_opening_balance')
      .values([...backlog].filter(([, b]) => b > 0).map(([code, amount]) => ({ municipality_code: code, period: '2022-I', amount, reason: 'Stand uit het provinciale Excel-overzicht eind 2021 (demo)', recorded_by: 'demodata' })))
      .execute();

    // 2022-I: each realises its task plus half its backlog, give or take; the deviations cancel out, so
    // nationally exactly the bare task plus half of the backlog is realised.
    const lines: Parameters<typeof insertLines>[1] = [];
    const endOf = new Map((await db.selectFrom('municipality').select(['code', 'valid_to']).execute()).map((m) => [m.code, m.valid_to]));
    const add = (code: string, period: string, total: number, months: number) => {
      // A municipality that ends mid-year (Weesp, 24 March 2022) houses only in the months it still exists.
      const end = endOf.get(code);
      const list = periodMonths(period)
        .slice(0, months)
        .filter((month) => !end || `${month}-01` < end);
      let left = total;
      list.forEach((month, i) => {
        const n = i === list.length - 1 ? left : Math.floor(total / list.length);
        left -= n;
        if (n > 0) lines.push({ line: 0, municipalityCode: code, housedOn: `${month}-${end && end.startsWith(month) ? '01' : '15'}`, persons: n, householdSize: null, coaNumber: `DEMO-${code}-${month}`, key: `coa|demo|${code}|${month}` });
      });
    };
    first.forEach((a, i) => {
      const deviation = i % 2 === 0 ? -Math.min(3, Math.floor(a.assigned / 4)) : 0;
      add(a.code, '2022-I', a.assigned + backlog.get(a.code)! / 2 + deviation, 6);
    });
    // Give what the deviations took to the largest municipalities, so the national sum is exact.
    const shortfall = first.reduce((s, a, i) => s + (i % 2 === 0 ? Math.min(3, Math.floor(a.assigned / 4)) : 0), 0);
    const largest = [...first].sort((a, b) => b.assigned - a.assigned).slice(0, 4);
    largest.forEach((a, i) => {
      const extra = Math.floor(shortfall / 4) + (i < shortfall % 4 ? 1 : 0);
      if (extra > 0) lines.push({ line: 0, municipalityCode: a.code, housedOn: '2022-06-20', persons: extra, householdSize: null, coaNumber: `DEMO-${a.code}-extra`, key: `coa|demo|${a.code}|extra` });
    });
    // 2022-II, three months in: most at pace, every fifth one behind.
    second.forEach((a, i) => add(a.code, '2022-II', Math.floor((a.assigned * (i % 5 === 0 ? 0.3 : 0.5)) + 0.5), 3));
    await insertLines(db, lines, { source: 'coa', uploadId: null, by: 'demodata' });

    // A few municipalities on each step of the ladder, each climbed one step at a time.
    const ladder: [number, LadderStep][] = [[1, 'signaleren'], [2, 'bestuurlijk overleg'], [3, 'schriftelijke aanmaning'], [4, 'indeplaatsstelling']];
    const withBacklog = first.filter((a) => backlog.get(a.code)! > 0).slice(0, 8);
    const dates = ['2022-07-15', '2022-08-15', '2022-09-15', '2022-10-15'];
    for (const [i, a] of withBacklog.entries()) {
      const height = ladder[i % ladder.length]![0];
      for (let s = 0; s < height; s++) {
        await decideStep(db, actor, a.code, { step: ladder[s]![1], date: dates[s]!, reason: `Achterstand na 2022-I (demo): ${ladder[s]![1]}` });
      }
    }
    // Every province published its map of 2022-I; 2022-II's maps are not published yet.
    for (const p of await db.selectFrom('province').select('code').orderBy('code').execute()) {
      await publishMap(db, systemActor(`demodata (${p.code})`), { period: '2022-I', provinceCode: p.code });
    }
  },
};
