import { describe, expect, it } from 'vitest';
import type { MunicipalityPeriod } from '../regions/regions.ts';
import { openPeriods } from './locations.ts';
import { checkPermitHolderRows, parsePermitHolderCsv, permitHoldersByMunicipality } from './permit-holders-file.ts';
import type { KnownLocation } from './upload.ts';

const LOCATIONS: KnownLocation[] = [{ code: 'TERAPEL', name: 'Ter Apel', open: openPeriods([{ date: '2000-01-01', kind: 'opening', places: 2000 }]) }];
const MUNICIPALITIES: MunicipalityPeriod[] = [
  { code: 'GM0014', name: 'Groningen', provinceCode: 'PV20', validFrom: null, validTo: null },
  { code: 'GM1950', name: 'Westerwolde', provinceCode: 'PV20', validFrom: '2018-01-01', validTo: null },
  { code: 'GM0017', name: 'Haren', provinceCode: 'PV20', validFrom: null, validTo: '2019-01-01' },
];
const opts = { locations: LOCATIONS, municipalities: MUNICIPALITIES };

describe('permit holders linked to municipalities', () => {
  it('reads links and sums them per municipality on a day', () => {
    const r = parsePermitHolderCsv('locatiecode,datum,gemeentecode,statushouders\nTERAPEL,2022-07-08,GM0014,40\nTERAPEL,2022-07-08,gm1950,12\nTERAPEL,2022-07-07,GM0014,38\n', opts);
    expect(r.errors).toEqual([]);
    expect(r.lines[1]).toEqual({ line: 3, locationCode: 'TERAPEL', date: '2022-07-08', municipalityCode: 'GM1950', permitHolders: 12, key: 'TERAPEL|2022-07-08|GM1950' });
    expect(permitHoldersByMunicipality(r.lines, '2022-07-08')).toEqual([
      { municipalityCode: 'GM0014', permitHolders: 40 },
      { municipalityCode: 'GM1950', permitHolders: 12 },
    ]);
  });

  it('checks code, existence on the date, count and duplicates per line', () => {
    const text = [
      'locatiecode,datum,gemeentecode,statushouders',
      'TERAPEL,2022-07-08,0014,1', // 2 not a code
      'TERAPEL,2022-07-08,GM9999,1', // 3 unknown
      'TERAPEL,2022-07-08,GM0017,1', // 4 Haren no longer existed
      'TERAPEL,2022-07-08,GM0014,0', // 5 zero
      'TERAPEL,2022-07-08,GM1950,3', // 6 fine
      'TERAPEL,8-7-2022,GM1950,4', // 7 duplicate of 6
    ].join('\n');
    const r = parsePermitHolderCsv(text, opts);
    expect(r.lines).toEqual([]);
    expect(r.errors.map((e) => [e.line, e.field, e.message])).toEqual([
      [2, 'gemeentecode', "'0014' is geen gemeentecode (GM gevolgd door vier cijfers)."],
      [3, 'gemeentecode', 'onbekende gemeentecode GM9999.'],
      [4, 'gemeentecode', 'GM0017 (Haren) bestond niet op 2022-07-08.'],
      [5, 'statushouders', 'statushouders is 0; een koppeling gaat over 1 of meer statushouders.'],
      [7, null, 'TERAPEL op 2022-07-08 met GM1950 staat ook op regel 6; één regel per locatie, dag en gemeente.'],
    ]);
  });

  it('refuses links that add up to more permit holders than the occupancy list has, once, on the line that tips it', () => {
    const rows = [
      { line: 1, fields: ['locatiecode', 'datum', 'gemeentecode', 'statushouders'] },
      { line: 2, fields: ['TERAPEL', '2022-07-08', 'GM0014', '100'] },
      { line: 3, fields: ['TERAPEL', '2022-07-08', 'GM1950', '50'] },
      { line: 4, fields: ['TERAPEL', '2022-07-08', 'GM0017', '1'] },
    ];
    const inReception = new Map([['TERAPEL|2022-07-08', 150]]);
    expect(checkPermitHolderRows({ ...opts, rows: rows.slice(0, 3), permitHoldersInReception: inReception }).errors).toEqual([]);
    const municipalities = [...MUNICIPALITIES.slice(0, 2), { ...MUNICIPALITIES[2]!, validTo: null }];
    const r = checkPermitHolderRows({ ...opts, municipalities, rows: [...rows, { line: 5, fields: ['TERAPEL', '2022-07-08', 'GM0034', '1'] }], permitHoldersInReception: inReception });
    expect(r.errors.filter((e) => e.field === 'statushouders')).toEqual([
      { line: 4, field: 'statushouders', message: 'de koppelingen van TERAPEL op 2022-07-08 tellen op tot 151 statushouders, meer dan de 150 uit de bezettingslijst.' },
    ]);
  });
});
