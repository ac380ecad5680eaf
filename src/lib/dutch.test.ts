import { describe, expect, it } from 'vitest';
import { formatDate, formatInteger, parseCount, parseDutchOrIsoDate } from './dutch.ts';

describe('Dutch formats', () => {
  it('formats numbers and dates the Dutch way', () => {
    expect(formatInteger(13500)).toBe('13.500');
    expect(formatDate('2022-07-08')).toBe('8 juli 2022');
  });
  it('parses dates strictly', () => {
    expect(parseDutchOrIsoDate('2022-03-24')).toBe('2022-03-24');
    expect(parseDutchOrIsoDate('24-3-2022')).toBe('2022-03-24');
    expect(parseDutchOrIsoDate('2022-02-30')).toBeNull();
    expect(parseDutchOrIsoDate('2022/03/24')).toBeNull();
  });
  it('parses counts with Dutch grouping but not decimals or negatives', () => {
    expect(parseCount('17.475.415')).toBe(17_475_415);
    expect(parseCount('11 642')).toBe(11_642);
    expect(parseCount('11642')).toBe(11_642);
    expect(parseCount('11,5')).toBeNull();
    expect(parseCount('1.5')).toBeNull();
    expect(parseCount('-3')).toBeNull();
    expect(parseCount('')).toBeNull();
  });
});
