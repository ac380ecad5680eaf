import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, csvField, detectDelimiter, parseCsv, toCsv } from './csv.ts';

describe('parseCsv', () => {
  it('keeps the starting line of records, also after a quoted line break', () => {
    const r = parseCsv('a,b\n"x\ny",2\n\n3,"4"\r\n');
    expect(r).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x\ny', '2'] },
      { line: 5, fields: ['3', '4'] },
    ]);
  });
  it('handles doubled quotes, a BOM and semicolons', () => {
    expect(parseCsv('\uFEFF"a ""b""";c', ';')).toEqual([{ line: 1, fields: ['a "b"', 'c'] }]);
    expect(detectDelimiter('"a";"b";"c"\n')).toBe(';');
    expect(detectDelimiter('a,b,c\n')).toBe(',');
  });
  it('refuses an unterminated quote with its line', () => {
    expect(() => parseCsv('a\n"b,c\n')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a\n"b,c\n');
    } catch (e) {
      expect((e as CsvSyntaxError).line).toBe(2);
    }
  });
  it('writes what it reads', () => {
    const rows = [['GM0518', "'s-Gravenhage", 'a "quote"', 'x,y', '']];
    const text = toCsv(['code', 'naam', 'q', 'c', 'leeg'], rows);
    expect(parseCsv(text).map((r) => r.fields)).toEqual([['code', 'naam', 'q', 'c', 'leeg'], ...rows]);
    expect(csvField(null)).toBe('');
  });
});
