import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReferenceData } from './reference-data.ts';
import { municipalitiesOn } from '../../domain/regions/regions.ts';
import { parseCsv } from '../../lib/csv.ts';
import fs from 'node:fs';
import path from 'node:path';
import { DATA_DIR } from './reference-data.ts';
import { testDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import * as service from './service.ts';

const codesIn = (file: string) => parseCsv(fs.readFileSync(path.join(DATA_DIR, file), 'utf8')).slice(1).map((r) => r.fields[0]!).sort();

describe('shipped reference data', () => {
  const ref = readReferenceData();

  it('has the 12 provinces PV20–PV31', () => {
    expect(ref.provinces.map((p) => p.code)).toEqual(Array.from({ length: 12 }, (_, i) => `PV${20 + i}`));
    expect(ref.provinces.find((p) => p.code === 'PV27')?.name).toBe('Noord-Holland');
  });

  it('reproduces each year’s municipality list from the 2020 list and the reorganisations', () => {
    const on = (date: string) => municipalitiesOn(ref.municipalities, date).map((m) => m.code).sort();
    expect(on('2020-01-01')).toEqual(codesIn('nl_gemeenten_bevolking_2020.csv'));
    expect(on('2021-01-01')).toEqual(codesIn('nl_gemeenten_bevolking_2021_onofficieel.csv'));
    expect(on('2022-01-01')).toEqual(codesIn('nl_gemeenten_2022_provincie.csv'));
    expect(on('2020-01-01')).toHaveLength(355);
    expect(on('2021-01-01')).toHaveLength(352);
    expect(on('2022-01-01')).toHaveLength(345);
    expect(on('2022-07-01')).toHaveLength(344); // Weesp joined Amsterdam on 24 March 2022
    expect(on('2023-01-01')).toHaveLength(342);
    expect(on('2023-01-01')).toContain('GM1992');
  });

  it('places a municipality formed after the last list in its predecessors’ province', () => {
    expect(ref.municipalities.find((m) => m.code === 'GM1992')).toMatchObject({ name: 'Voorne aan Zee', provinceCode: 'PV28', validFrom: '2023-01-01' });
  });

  it('keeps the national totals of CBS 37296ned', () => {
    expect(ref.national).toEqual([
      { referenceDate: '2020-01-01', inhabitants: 17_407_585 },
      { referenceDate: '2021-01-01', inhabitants: 17_475_415 },
      { referenceDate: '2022-01-01', inhabitants: 17_590_672 },
      { referenceDate: '2023-01-01', inhabitants: 17_811_291 },
    ]);
  });
});

describe('regions service on the loaded reference data', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await testDatabase();
  });
  afterAll(async () => database?.close());

  it('gives the 2022 municipalities with the 2021 unofficial figures, marked as such', async () => {
    const r = await service.municipalities(database.db, 2022);
    expect(r.items).toHaveLength(345);
    expect(r.referenceDate).toBe('2021-01-01');
    expect(r.items.every((m) => m.population.status === 'onofficieel')).toBe(true);
    // The 2021 table has the 2021 boundaries: the 2022 mergers are sums of predecessors.
    const cuijk = r.items.find((m) => m.code === 'GM1982')!;
    expect(cuijk.population.basis).toBe('som voorgangers');
    const sum = r.items.reduce((s, m) => s + m.population.inhabitants!, 0);
    expect(sum).toBe(17_475_908); // the unofficial table's own total, 493 above CBS
  });

  it('sums the provinces to the national figure of the official 2020 table', async () => {
    const r = await service.provinces(database.db, 2020);
    expect(r.referenceDate).toBe('2020-01-01');
    expect(r.items.every((p) => p.population.status === 'officieel')).toBe(true);
    expect(r.items.reduce((s, p) => s + p.population.inhabitants!, 0)).toBe(17_407_585);
    expect(r.items.find((p) => p.code === 'PV23')?.population.inhabitants).toBe(1_162_406); // CBS 70072ned Overijssel
  });

  it('lists the reorganisations of a year with names', async () => {
    const r = await service.reorganisations(database.db, 2022);
    expect(r.items.find((x) => x.oldCode === 'GM0457')).toMatchObject({ effectiveDate: '2022-03-24', oldName: 'Weesp', newName: 'Amsterdam', kind: 'toevoeging' });
  });
});
