import { describe, expect, it } from 'vitest';
import { chooseYear, withYear } from './year.ts';

describe('year in the address', () => {
  it('uses a requested year only when the server offers it', () => {
    expect(chooseYear('2021', [2020, 2021, 2022], 2022)).toBe(2021);
    expect(chooseYear('1999', [2020, 2021, 2022], 2022)).toBe(2022);
    expect(chooseYear('abc', [2020], 2020)).toBe(2020);
    expect(chooseYear(null, [2020, 2021], 2021)).toBe(2021);
  });

  it('adds the year to links only when it differs from the default', () => {
    expect(withYear('/regios/PV27', 2022, 2022)).toBe('/regios/PV27');
    expect(withYear('/regios/PV27', 2021, 2022)).toBe('/regios/PV27?jaar=2021');
  });
});
