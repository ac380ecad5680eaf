import { describe, expect, it } from 'vitest';
import { parseExisting, parseKeyFile } from './files.ts';

describe('parseExisting', () => {
  it('reads code,bestaand with a header, semicolons, Dutch thousands and lower-case codes', () => {
    expect(parseExisting('\uFEFFcode,bestaand\r\nPV27,1.200\npv28;35\n\n"GM0363",7\n')).toEqual({
      values: { PV27: 1200, PV28: 35, GM0363: 7 },
      problems: [],
    });
  });

  it('names every bad line and takes nothing over', () => {
    const r = parseExisting('code,bestaand\nPV27,-3\nXX12,4\nPV28,1,2\nPV29,2\nPV29,5\nPV30,1,5\n');
    expect(r.problems).toEqual([
      { line: 2, problem: 'count', value: '-3' },
      { line: 3, problem: 'code', value: 'XX12' },
      { line: 4, problem: 'columns' },
      { line: 6, problem: 'duplicate', value: 'PV29' },
      { line: 7, problem: 'columns' },
    ]);
  });

  it('treats a first data line as data, not as a header, and refuses an empty file', () => {
    expect(parseExisting('PV20,10').values).toEqual({ PV20: 10 });
    expect(parseExisting('code,bestaand\n').problems).toEqual([{ line: 1, problem: 'empty' }]);
  });
});

describe('parseKeyFile', () => {
  it('accepts one JSON object and refuses anything else', () => {
    expect(parseKeyFile('{"preset":"koenigstein"}')).toEqual({ key: { preset: 'koenigstein' } });
    expect(parseKeyFile('[1]')).toEqual({ error: 'not-object' });
    expect(parseKeyFile('{oops')).toMatchObject({ error: 'json' });
  });
});
