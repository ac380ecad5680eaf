import { describe, expect, it } from 'vitest';
import { parsePopulationFile } from './population-file.ts';
import type { MunicipalityPeriod } from './regions.ts';

const municipalities: MunicipalityPeriod[] = [
  { code: 'GM0003', name: 'Appingedam', provinceCode: 'PV20', validFrom: null, validTo: '2021-01-01' },
  { code: 'GM0014', name: 'Groningen', provinceCode: 'PV20', validFrom: null, validTo: null },
  { code: 'GM0363', name: 'Amsterdam', provinceCode: 'PV27', validFrom: null, validTo: null },
  { code: 'GM1979', name: 'Eemsdelta', provinceCode: 'PV20', validFrom: '2021-01-01', validTo: null },
];
const opts = { municipalities, status: 'officieel' as const, source: 'CBS' };
const header = 'gemeentecode,gemeentenaam,provinciecode,inwoners,peildatum';

describe('parsePopulationFile, own CSV', () => {
  it('reads a valid file with Dutch thousands grouping and D-M-YYYY dates', () => {
    const r = parsePopulationFile(`${header}\nGM0014,Groningen,PV20,233.071,1-1-2021\nGM0363,Amsterdam,PV27,872757,2021-01-01\n`, opts);
    expect(r.errors).toEqual([]);
    expect(r.format).toBe('eigen-csv');
    expect(r.referenceDate).toBe('2021-01-01');
    expect(r.rows).toEqual([
      { line: 2, municipalityCode: 'GM0014', inhabitants: 233_071 },
      { line: 3, municipalityCode: 'GM0363', inhabitants: 872_757 },
    ]);
    expect(r.warnings[0]).toMatch(/1 gemeente\(n\).*GM1979 Eemsdelta/);
  });

  it('reports every bad line with its line number and field, and keeps no rows', () => {
    const text = [
      header,
      'GM0014,Groningen,PV20,233071,2021-01-01',
      'GM14,Groningen,PV20,233071,2021-01-01',
      'GM0363,Amsterdam,PV27,-5,2021-01-01',
      'GM9999,Nergens,PV27,5,2021-01-01',
      'GM0003,Appingedam,PV20,11000,2021-01-01',
      'GM0363,Amsterdam,PV20,872757,2021-01-01',
      'GM1979,Eemsdelta,PV20,45000,2021-13-01',
      'GM1979,Eemsdelta,PV20',
    ].join('\n');
    const r = parsePopulationFile(text, opts);
    expect(r.rows).toEqual([]);
    const at = (line: number) => r.errors.filter((e) => e.line === line).map((e) => `${e.field}: ${e.message}`);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual(["gemeentecode: 'GM14' is geen gemeentecode (GM gevolgd door vier cijfers)."]);
    expect(at(4)).toEqual(["inwoners: '-5' is geen geheel aantal inwoners van 0 of meer."]);
    expect(at(5)).toEqual(['gemeentecode: onbekende gemeentecode GM9999.']);
    expect(at(6)).toEqual(['gemeentecode: GM0003 (Appingedam) bestond niet op 1 januari 2021.']);
    expect(at(7)).toEqual(['provinciecode: GM0363 (Amsterdam) ligt in PV27, niet in PV20.', 'gemeentecode: GM0363 staat ook al op regel 4.']);
    expect(at(8)).toEqual(["peildatum: '2021-13-01' is geen datum (verwacht JJJJ-MM-DD of D-M-JJJJ)."]);
    expect(at(9)).toEqual([': regel heeft 3 velden, de kopregel 5.']);
  });

  it('insists on one reference date per file', () => {
    const r = parsePopulationFile(`${header}\nGM0014,G,PV20,1,2021-01-01\nGM0363,A,PV27,2,2021-01-01\nGM1979,E,PV20,3,2022-01-01\n`, opts);
    expect(r.errors).toEqual([
      { line: 4, field: 'peildatum', message: 'peildatum 2022-01-01 wijkt af van de rest van het bestand (2021-01-01); één bestand bevat één peildatum.' },
    ]);
  });

  it('needs a status and a source, from the file or the options', () => {
    const r = parsePopulationFile(`${header}\nGM0014,G,PV20,1,2021-01-01\n`, { municipalities });
    expect(r.errors.map((e) => e.field)).toEqual(['status', 'bron']);
    const withColumns = parsePopulationFile(`${header},status,bron\nGM0014,G,PV20,1,2021-01-01,voorlopig,CBS 37230ned\n`, { municipalities });
    expect(withColumns.errors).toEqual([]);
    expect(withColumns.status).toBe('voorlopig');
    expect(withColumns.source).toBe('CBS 37230ned');
    const conflict = parsePopulationFile(`${header},status\nGM0014,G,PV20,1,2021-01-01,voorlopig\n`, opts);
    expect(conflict.errors[0]?.message).toMatch(/spreekt de kolom status 'voorlopig' tegen/);
  });

  it('names a missing column in the header', () => {
    const r = parsePopulationFile('gemeentecode,naam,aantal\nGM0014,G,1\n', opts);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ line: 1, field: 'inwoners' });
  });

  it('rejects an empty file and a header without data', () => {
    expect(parsePopulationFile('', opts).errors[0]?.message).toBe('Het bestand is leeg.');
    expect(parsePopulationFile(`${header}\n`, opts).errors[0]?.message).toMatch(/geen gegevensregels/);
  });
});

describe('parsePopulationFile, CBS StatLine export', () => {
  const statline = [
    '"ID";"RegioS";"Perioden";"BevolkingOp1Januari_1"',
    '"0";"NL01  ";"2021JJ00";"17475415"',
    '"1";"PV20  ";"2021JJ00";"586937"',
    '"2";"GM0014";"2021JJ00";"  233273"',
    '"3";"GM0363";"2021JJ00";"872779"',
  ].join('\r\n');

  it('reads municipalities and skips the country and provinces', () => {
    const r = parsePopulationFile(statline, opts);
    expect(r.format).toBe('cbs-statline');
    expect(r.errors).toEqual([]);
    expect(r.referenceDate).toBe('2021-01-01');
    expect(r.rows.map((x) => [x.municipalityCode, x.inhabitants])).toEqual([
      ['GM0014', 233_273],
      ['GM0363', 872_779],
    ]);
    expect(r.warnings[0]).toMatch(/2 regel\(s\) voor Nederland/);
  });

  it('explains names instead of codes and CBS’s missing-value dot', () => {
    const r = parsePopulationFile(`"Regio's";"Perioden";"Bevolking op 1 januari (aantal)"\n"Groningen (gemeente)";"2021";"233273"\n"GM0363";"2021";"."\n`, opts);
    expect(r.errors).toEqual([
      { line: 2, field: "Regio's", message: "'Groningen (gemeente)' is geen regiocode; exporteer uit StatLine met codes (GM0003) in plaats van namen." },
      { line: 3, field: 'Bevolking op 1 januari (aantal)', message: 'CBS meldt hier geen cijfer (.).' },
    ]);
  });
});
