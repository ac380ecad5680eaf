import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../lib/csv.ts';
import { aggregate } from './aggregate.ts';
import { DEMO_AS_OF, DEMO_DELIVERY_CHANGES, DEMO_MUNICIPALITIES, DEMO_PIPELINE, DEMO_TRACKS, demoPipelineCsv } from './demo.ts';
import { checkPipelineCsv, planPipelineUpload } from './pipeline-file.ts';
import { priceSeries } from './prices.ts';
import { checkProject, checkTrack } from './projects.ts';
import { slips } from './slips.ts';

const provinceOf = (gm: string) => DEMO_MUNICIPALITIES.get(gm)!.provinceCode;

describe('demo pipeline', () => {
  it('uses real 2022 municipality codes, names and provinces', () => {
    const file = parseCsv(readFileSync(new URL('../../../data/nl_gemeenten_2022_provincie.csv', import.meta.url), 'utf8'));
    const real = new Map(file.slice(1).map((r) => [r.fields[0]!, { name: r.fields[1]!, provinceCode: r.fields[2]! }]));
    for (const [code, m] of DEMO_MUNICIPALITIES) expect(real.get(code), code).toEqual(m);
    for (const p of DEMO_PIPELINE) expect(DEMO_MUNICIPALITIES.has(p.municipalityCode), p.municipalityCode).toBe(true);
  });

  it('has valid tracks and projects, unique ids and codes, in at least five provinces', () => {
    DEMO_TRACKS.forEach((t) => checkTrack(t));
    DEMO_PIPELINE.forEach((p) => checkProject(p));
    const codes = new Set(DEMO_TRACKS.map((t) => t.code));
    expect([...codes]).toEqual(['FLEX-NL', 'SOCIAAL', 'TRANSFORMATIE', 'GASTGEZIN']);
    expect(DEMO_TRACKS.find((t) => t.code === 'FLEX-NL')).toMatchObject({ ownerOrganisation: 'BZK', regionCode: null });
    for (const p of DEMO_PIPELINE) expect(codes.has(p.trackCode)).toBe(true);
    expect(new Set(DEMO_PIPELINE.map((p) => p.id)).size).toBe(DEMO_PIPELINE.length);
    expect(new Set(DEMO_PIPELINE.map((p) => `${p.trackCode}|${p.reference}`)).size).toBe(DEMO_PIPELINE.length);
    expect(DEMO_PIPELINE.length).toBeGreaterThanOrEqual(20);
    expect(aggregate(DEMO_PIPELINE, 'province', provinceOf).length).toBeGreaterThanOrEqual(5);
    // A regional track stays in its own province.
    for (const p of DEMO_PIPELINE.filter((x) => x.trackCode === 'TRANSFORMATIE')) expect(provinceOf(p.municipalityCode)).toBe('PV28');
  });

  it('is consistent on its day: delivered on or before it, everything open after it, all in 2022–2024', () => {
    for (const p of DEMO_PIPELINE) {
      expect(p.expectedDelivery >= '2022-01-01' && p.expectedDelivery <= '2024-12-31').toBe(true);
      if (p.status === 'opgeleverd') expect(p.expectedDelivery <= DEMO_AS_OF, p.reference).toBe(true);
      else if (p.status !== 'vervallen') expect(p.expectedDelivery > DEMO_AS_OF, p.reference).toBe(true);
    }
  });

  it('has a history that leads from each first date to the current one, recorded before the demo day', () => {
    for (const p of DEMO_PIPELINE) {
      const moves = DEMO_DELIVERY_CHANGES.filter((c) => c.projectId === p.id).sort((a, b) => a.changedOn.localeCompare(b.changedOn));
      let date = p.firstExpectedDelivery;
      for (const m of moves) {
        expect(m.from, `project ${p.id}`).toBe(date);
        expect(m.changedOn <= DEMO_AS_OF).toBe(true);
        date = m.to;
      }
      expect(date, `project ${p.id}`).toBe(p.expectedDelivery);
    }
  });

  it('shows slips, including a net slip after moving back and no slip for a project that moved back to its date', () => {
    const list = slips(DEMO_PIPELINE, DEMO_DELIVERY_CHANGES);
    expect(list.map((s) => s.projectId)).toEqual([16, 4, 22, 20, 7, 2]);
    expect(list.find((s) => s.projectId === 7)).toMatchObject({ delayDays: 91, moves: 2 });
    expect(list.some((s) => s.projectId === 11 || s.projectId === 6)).toBe(false);
  });

  it('shows flexwoningen getting dearer every half-year (the price effect Aedes warned about)', () => {
    const flex = priceSeries(DEMO_PIPELINE, 'track').filter((p) => p.group === 'FLEX-NL');
    expect(flex.map((p) => p.period)).toEqual(['2022-I', '2022-II', '2023-I', '2023-II', '2024-I', '2024-II']);
    for (let i = 1; i < flex.length; i++) expect(flex[i]!.meanCostPerUnitCents).toBeGreaterThan(flex[i - 1]!.meanCostPerUnitCents);
  });

  it('round-trips as an upload file: it checks clean, and uploading it over itself changes nothing', () => {
    const r = checkPipelineCsv(demoPipelineCsv(), {
      knownTracks: DEMO_TRACKS.map((t) => t.code),
      knownMunicipalities: DEMO_MUNICIPALITIES,
      scopeMunicipalities: null,
      today: DEMO_AS_OF,
    });
    expect(r.ok ? null : r.errors).toBeNull();
    if (!r.ok) return;
    expect(r.rows).toHaveLength(DEMO_PIPELINE.length);
    const plan = planPipelineUpload(DEMO_PIPELINE, r.rows);
    expect(plan).toMatchObject({ ok: true, create: [], update: [] });
  });
});
