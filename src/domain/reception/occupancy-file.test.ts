import { describe, expect, it } from 'vitest';
import { openPeriods, type CapacityEvent } from './locations.ts';
import { checkOccupancyRows, parseOccupancyCsv } from './occupancy-file.ts';
import { MAX_ERRORS } from '../../lib/upload.ts';
import type { KnownLocation } from './upload.ts';

const ev = (date: string, kind: CapacityEvent['kind'], places: number): CapacityEvent => ({ date, kind, places });
const LOCATIONS: KnownLocation[] = [
  { code: 'TERAPEL', name: 'Ter Apel', open: openPeriods([ev('2000-01-01', 'opening', 2000)]) },
  { code: 'NIJMEGEN', name: 'Noodopvang Nijmegen', open: openPeriods([ev('2022-04-11', 'opening', 250), ev('2022-07-01', 'sluiting', 250)]) },
];

const parse = (text: string, notAfter?: string) => parseOccupancyCsv(text, { locations: LOCATIONS, notAfter });

describe('occupancy file', () => {
  it('reads a good file: Dutch dates and grouped numbers, columns in any order, extra columns ignored', () => {
    const r = parse('Bezetting;Peildatum;Opmerking;Locatie code;Statushouders\n2.193;8-7-2022;druk;terapel;150\n240;2022-06-30;;NIJMEGEN;\n');
    expect(r.errors).toEqual([]);
    expect(r.lines).toEqual([
      { line: 2, locationCode: 'TERAPEL', date: '2022-07-08', occupancy: 2193, permitHolders: 150, key: 'TERAPEL|2022-07-08' },
      { line: 3, locationCode: 'NIJMEGEN', date: '2022-06-30', occupancy: 240, permitHolders: null, key: 'NIJMEGEN|2022-06-30' },
    ]);
  });

  it('accepts the aliases for each column', () => {
    for (const header of ['locatiecode,datum,bezetting', 'code,dag,aantal', 'locatie,peildatum,aantal bewoners', 'LOCATIE_CODE,Datum,personen']) {
      expect(parse(`${header}\nTERAPEL,2022-07-08,2193\n`).lines).toHaveLength(1);
    }
    expect(parse('locatiecode,datum,bezetting,vergunninghouders\nTERAPEL,2022-07-08,2193,150\n').lines[0]?.permitHolders).toBe(150);
  });

  it('names a missing or doubled column', () => {
    expect(parse('locatiecode,datum\nTERAPEL,2022-07-08\n').errors).toEqual([
      { line: 1, field: 'bezetting', message: "Kolom 'bezetting' ontbreekt; verwacht locatiecode,datum,bezetting[,statushouders]." },
    ]);
    expect(parse('locatiecode,datum,bezetting,aantal\nTERAPEL,2022-07-08,1,2\n').errors[0]).toMatchObject({ line: 1, field: 'bezetting' });
    expect(parse('').errors[0]?.message).toBe('Het bestand is leeg.');
    expect(parse('locatiecode,datum,bezetting\n,,\n').errors[0]?.message).toBe('Het bestand heeft geen gegevensregels.');
  });

  it('checks every line and names line and field in Dutch', () => {
    const text = [
      'locatiecode,datum,bezetting,statushouders',
      'TERAPL,2022-07-08,2193,150', // 2 unknown location
      'TERAPEL,31-6-2022,2193,150', // 3 no such date
      'TERAPEL,2022-07-07,-5,0', // 4 negative
      'TERAPEL,2022-07-06,2193.5,0', // 5 not whole
      'TERAPEL,2022-07-05,veel,0', // 6 not a number
      'TERAPEL,2022-07-04,100,101', // 7 more permit holders than occupants
      'NIJMEGEN,2022-04-10,10,0', // 8 before opening
      'NIJMEGEN,2022-07-01,10,0', // 9 on the closing day: closed
      'TERAPEL,2022-07-09,2193,0', // 10 after notAfter
      'TERAPEL,2022-07-03,2000,', // 11 fine
      'TERAPEL,3-7-2022,2001,', // 12 same location and day as line 11
      ',2022-07-03,1,', // 13 no code
      'TERAPEL,2022-07-02,,', // 14 no occupancy
    ].join('\n');
    const r = parse(text, '2022-07-08');
    expect(r.lines).toEqual([]);
    expect(r.errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'locatiecode'],
      [3, 'datum'],
      [4, 'bezetting'],
      [5, 'bezetting'],
      [6, 'bezetting'],
      [7, 'statushouders'],
      [8, 'datum'],
      [9, 'datum'],
      [10, 'datum'],
      [12, null],
      [13, 'locatiecode'],
      [14, 'bezetting'],
    ]);
    const msg = (line: number) => r.errors.find((e) => e.line === line)?.message;
    expect(msg(2)).toBe('onbekende locatiecode TERAPL.');
    expect(msg(3)).toBe("'31-6-2022' is geen datum (JJJJ-MM-DD of D-M-JJJJ).");
    expect(msg(4)).toBe("bezetting '-5' is negatief; een aantal personen is 0 of meer.");
    expect(msg(5)).toBe("bezetting '2193.5' is geen geheel aantal personen.");
    expect(msg(6)).toBe("bezetting 'veel' is geen getal.");
    expect(msg(7)).toBe('statushouders (101) is meer dan de bezetting (100); statushouders zijn een deel van de bewoners.');
    expect(msg(8)).toBe('NIJMEGEN (Noodopvang Nijmegen) was op 2022-04-10 niet open (open 2022-04-11 t/m 2022-06-30).');
    expect(msg(9)).toContain('niet open');
    expect(msg(10)).toBe('2022-07-09 ligt na 2022-07-08; van die dag kan nog geen bezetting bekend zijn.');
    expect(msg(12)).toBe('TERAPEL op 2022-07-03 staat ook op regel 11; één regel per locatie per dag.');
    expect(msg(14)).toBe('bezetting ontbreekt.');
  });

  it('rejects the whole file for one bad line', () => {
    const good = 'locatiecode,datum,bezetting\nTERAPEL,2022-07-07,2159\nTERAPEL,2022-07-08,2193\n';
    expect(parse(good).lines).toHaveLength(2);
    const bad = parse(`${good}TERAPEL,2022-07-09,-1\n`);
    expect(bad.lines).toEqual([]);
    expect(bad.errors).toHaveLength(1);
  });

  it('caps the errors and says the rest is not shown', () => {
    const rows = [{ line: 1, fields: ['locatiecode', 'datum', 'bezetting'] }, ...Array.from({ length: 300 }, (_, i) => ({ line: i + 2, fields: ['ONBEKEND', '2022-07-08', '1'] }))];
    const r = checkOccupancyRows({ rows, locations: LOCATIONS });
    expect(r.errors).toHaveLength(MAX_ERRORS + 1);
    expect(r.errors[MAX_ERRORS]).toEqual({ line: 0, field: null, message: `Meer dan ${MAX_ERRORS} fouten; de rest is niet getoond.` });
  });

  it('turns a CSV syntax error into a line error', () => {
    expect(parse('locatiecode,datum,bezetting\n"TERAPEL,2022-07-08,1\n').errors).toEqual([{ line: 2, field: null, message: 'regel 2: aanhalingsteken wordt niet gesloten' }]);
  });
});
