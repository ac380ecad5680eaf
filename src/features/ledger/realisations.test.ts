import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { systemActor } from '../audit/audit.ts';
import { AppError } from '../../platform/http/errors.ts';
import { uploadRealisations } from './realisations.ts';

const actor = systemActor('test');
const header = 'gemeentecode,datum,personen,huishoudgrootte,coa_nummer';

describe('realisation uploads', () => {
  let database: TestDatabase;
  const count = async () => Number((await database.db.selectFrom('realisation').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  beforeAll(async () => {
    database = await testDatabase();
  });
  afterAll(async () => database?.close());

  it('rejects a bad file whole, with every bad line named, and stores nothing', async () => {
    const text = [
      header,
      'GM0363,2022-07-04,3,3,C-1',
      'GM9999,2022-07-04,1,,',
      'GM0363,2022-06-30,2,2,',
      'GM0363,2022-07-05,-2,,',
      'GM0457,2022-07-05,1,,',
      'GM0363,2022-07-04,3,3,C-1',
    ].join('\n');
    const error = await uploadRealisations(database.db, actor, { content: Buffer.from(text), format: 'csv', period: '2022-II', source: 'coa' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    const reasons = (error as AppError).invalidParams.map((p) => p.reason);
    expect(reasons).toEqual([
      'regel 3, gemeentecode: onbekende gemeentecode GM9999.',
      'regel 4, datum: 2022-06-30 valt buiten de periode 2022-07-01 t/m 2022-12-31.',
      "regel 5, personen: '-2' is geen aantal personen van 1 of meer.",
      'regel 6, gemeentecode: GM0457 (Weesp) bestond niet op 2022-07-05.',
      'regel 7: dezelfde regel staat ook op regel 2.',
    ]);
    expect(await count()).toBe(0);
    expect(await database.db.selectFrom('realisation_upload').select('id').execute()).toEqual([]);
  });

  it('imports a file once: the same file again, or its lines in another file, change nothing', async () => {
    const text = [header, 'GM0363,2022-07-04,3,3,C-1', 'GM0014,4-7-2022,1,,', 'GM0014,2022-08-01,2,2,'].join('\n');
    const first = await uploadRealisations(database.db, actor, { content: Buffer.from(text), fileName: 'juli.csv', format: 'csv', period: '2022-II', source: 'coa' });
    expect(first).toMatchObject({ alreadyUploaded: false, lineCount: 3, newCount: 3 });
    expect(await count()).toBe(3);
    const again = await uploadRealisations(database.db, actor, { content: Buffer.from(text), format: 'csv', period: '2022-II', source: 'coa' });
    expect(again).toMatchObject({ alreadyUploaded: true, newCount: 0 });
    const overlapping = await uploadRealisations(database.db, actor, { content: Buffer.from(`${text}\nGM0518,2022-09-01,4,4,C-9\n`), format: 'csv', period: '2022-II', source: 'coa' });
    expect(overlapping).toMatchObject({ alreadyUploaded: false, lineCount: 4, newCount: 1, skippedCount: 3 });
    expect(await count()).toBe(4);
    // The municipality's own count of the same housing is kept apart, not merged with COA's.
    const own = await uploadRealisations(database.db, actor, { content: Buffer.from(`${header}\nGM0363,2022-07-04,3,3,C-1\n`), format: 'csv', period: '2022-II', source: 'gemeente' });
    expect(own.newCount).toBe(1);
    const audit = await database.db.selectFrom('audit_log').select(['action', 'resource_type']).where('resource_type', '=', 'realisaties').execute();
    expect(audit).toHaveLength(3);
  });

  it('reads the same list from Excel', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Realisatie');
    ws.addRow(header.split(','));
    ws.addRow(['GM0599', new Date(Date.UTC(2022, 9, 3)), 5, 5, 'C-77']);
    ws.addRow(['GM0599', '2022-10-04', 'veel', null, null]);
    const bad = await uploadRealisations(database.db, actor, { content: Buffer.from(await wb.xlsx.writeBuffer()), format: 'xlsx', period: '2022-II', source: 'coa' }).catch((e: unknown) => e);
    expect((bad as AppError).invalidParams.map((p) => p.reason)).toEqual(["regel 3, personen: 'veel' is geen aantal personen van 1 of meer."]);
    ws.spliceRows(3, 1);
    const ok = await uploadRealisations(database.db, actor, { content: Buffer.from(await wb.xlsx.writeBuffer()), format: 'xlsx', period: '2022-II', source: 'coa' });
    expect(ok.newCount).toBe(1);
    const row = await database.db.selectFrom('realisation').selectAll().where('coa_number', '=', 'C-77').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ municipality_code: 'GM0599', housed_on: '2022-10-03', persons: 5, household_size: 5 });
  });
});
