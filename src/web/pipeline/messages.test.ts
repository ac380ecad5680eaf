import { describe, expect, it } from 'vitest';
import { COVERAGE_CLASSES } from './logic.ts';
import { en, nl } from './messages.ts';
import { PROJECT_STATUSES } from './types.ts';

/** Keys, kinds and function arities (the compiler checks the keys; this also checks the parameters). */
function shape(value: unknown): unknown {
  if (typeof value === 'function') return `function/${value.length}`;
  if (Array.isArray(value)) return `array/${value.length}`;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return typeof value;
}

describe('pipeline messages', () => {
  it('English has exactly the Dutch keys and functions with the same parameters, and no empty texts', () => {
    expect(shape(en)).toEqual(shape(nl));
    const texts = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(texts) : [];
    expect([...texts(nl), ...texts(en)].filter((t) => t.trim() === '')).toEqual([]);
  });

  it('names every project status the server knows and every coverage class of the map', () => {
    expect(Object.keys(nl.status).sort()).toEqual([...PROJECT_STATUSES].sort());
    expect(Object.keys(nl.coverage).sort()).toEqual([...COVERAGE_CLASSES].sort());
  });

  it('says the coverage, the delay and the upload counts in Dutch', () => {
    expect(nl.overview.coverageLine('2 %', '2022-II, Nederland')).toBe('De woningen in de pijplijn dekken 2 % van wat verschuldigd is (2022-II, Nederland).');
    expect(nl.slips.delayDays(1, '1')).toBe('1 dag');
    expect(nl.slips.delayDays(215, '215')).toBe('215 dagen');
    expect(nl.upload.summary(1, 1, 0, 0)).toBe('1 regel gelezen: 1 project nieuw, 0 gewijzigd, 0 ongewijzigd.');
    expect(nl.upload.summary(3, 1, 1, 1)).toBe('3 regels gelezen: 1 project nieuw, 1 gewijzigd, 1 ongewijzigd.');
    expect(en.upload.summary(2, 2, 0, 0)).toBe('2 lines read: 2 new projects, 0 changed, 0 unchanged.');
  });
});
