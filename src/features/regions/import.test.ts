import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as service from './service.ts';
import { systemActor } from '../audit/audit.ts';

const actor = systemActor('test');

async function snapshot(database: TestDatabase) {
  const rows = await database.db.selectFrom('population').selectAll().orderBy('municipality_code').orderBy('reference_date').execute();
  const imports = await database.db.selectFrom('population_import').select('id').execute();
  return { rows, imports: imports.length };
}

describe('importPopulation', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await testDatabase();
  });
  afterAll(async () => database?.close());

  it('rejects a malformed file whole, naming lines, and changes nothing', async () => {
    const before = await snapshot(database);
    const text = 'gemeentecode,gemeentenaam,provinciecode,inwoners,peildatum\nGM0014,Groningen,PV20,233273,2021-01-01\nGM0363,Amsterdam,PV27,veel,2021-01-01\n';
    const error = await service.importPopulation(database.db, actor, { text, status: 'officieel', source: 'CBS' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(422);
    expect((error as AppError).invalidParams).toEqual([
      { name: 'regel 3: inwoners', code: 'ongeldige-regel', reason: "regel 3, inwoners: 'veel' is geen geheel aantal inwoners van 0 of meer.", line: 3 },
    ]);
    expect(await snapshot(database)).toEqual(before);
  });

  it('lets an official table replace the unofficial figures for that date, and records the import', async () => {
    const text = '"ID";"RegioS";"Perioden";"BevolkingOp1Januari_1"\n"1";"GM0202";"2021JJ00";"162424"\n"2";"GM0392";"2021JJ00";"162543"\n';
    const r = await service.importPopulation(database.db, actor, { text, fileName: 'cbs.csv', status: 'officieel', source: 'CBS 70072ned' });
    expect(r).toMatchObject({ format: 'cbs-statline', referenceDate: '2021-01-01', rowCount: 2, replacedCount: 2, status: 'officieel' });
    const figures = await service.populationOn(database.db, '2021-01-01');
    expect(figures.items.find((i) => i.municipalityCode === 'GM0202')).toMatchObject({ inhabitants: 162_424, status: 'officieel', source: 'CBS 70072ned' });
    // Arnhem is official now, the rest of its province is not: the province stays unofficial.
    const gelderland = (await service.provinces(database.db, 2021)).items.find((p) => p.code === 'PV25')!;
    expect(gelderland.population.status).toBe('onofficieel');
    const imported = await database.db.selectFrom('population_import').selectAll().where('id', '=', r.importId).executeTakeFirstOrThrow();
    expect(imported).toMatchObject({ file_name: 'cbs.csv', row_count: 2, replaced_count: 2, imported_by: 'test' });
    const audit = await database.db.selectFrom('audit_log').selectAll().where('resource_type', '=', 'inwonertallen').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'import', actor: 'test', resource_id: '2021-01-01' });
    expect(audit.before).toEqual({ GM0202: { inhabitants: 162_410, status: 'onofficieel' }, GM0392: { inhabitants: 162_398, status: 'onofficieel' } });
    expect(imported.content_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses to let a weaker table replace official figures', async () => {
    const before = await snapshot(database);
    const text = 'gemeentecode,gemeentenaam,provinciecode,inwoners,peildatum\nGM0202,Arnhem,PV25,1,2021-01-01\n';
    const error = await service.importPopulation(database.db, actor, { text, status: 'voorlopig', source: 'x' }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('status-lager');
    expect(await snapshot(database)).toEqual(before);
  });

  it('records a figure set by the province, which then fills the gap after a split', async () => {
    const before = (await service.municipalities(database.db, 2021)).items; // 2021 uses the 2021 table: no gap
    expect(before.find((m) => m.code === 'GM0757')?.population.inhabitants).not.toBeNull();
    // A 2020 reference date in 2021 boundaries is where the split of Haaren leaves a gap.
    await database.db.deleteFrom('population').where('reference_date', '=', '2021-01-01').execute();
    const gap = (await service.municipalities(database.db, 2021)).items.find((m) => m.code === 'GM0757')!;
    expect(gap.population.inhabitants).toBeNull();
    expect(gap.population.missing).toMatch(/GM0788/);
    await expect(
      service.setPopulationByProvince(database.db, actor, { municipalityCode: 'GM0757', referenceDate: '2020-01-01', inhabitants: -1, reason: ' ' }),
    ).rejects.toMatchObject({ status: 400, invalidParams: [{ name: 'inwoners' }, { name: 'reden' }] });
    await service.setPopulationByProvince(database.db, actor, { municipalityCode: 'GM0757', referenceDate: '2020-01-01', inhabitants: 31_000, reason: 'GS Noord-Brabant 2021/1' });
    const filled = (await service.municipalities(database.db, 2021)).items.find((m) => m.code === 'GM0757')!;
    expect(filled.population).toMatchObject({ inhabitants: 31_000, basis: 'vastgesteld door provincie', missing: null });
  });
});
