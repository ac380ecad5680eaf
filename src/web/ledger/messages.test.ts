import { describe, expect, it } from 'vitest';
import { en, nl } from './messages.ts';

/** Keys, kinds and function arities (the compiler checks the keys; this also checks the parameters). */
function shape(value: unknown): unknown {
  if (typeof value === 'function') return `function/${value.length}`;
  if (Array.isArray(value)) return `array/${value.length}`;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return typeof value;
}

describe('ledger messages', () => {
  it('English has exactly the Dutch keys and functions with the same parameters, and no empty texts', () => {
    expect(shape(en)).toEqual(shape(nl));
    const texts = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(texts) : [];
    expect([...texts(nl), ...texts(en)].filter((t) => t.trim() === '')).toEqual([]);
  });

  it('says a recorded count in the Dutch number format, singular for one person', () => {
    expect(nl.municipality.ownCount.saved(1200, '1.200', '3 oktober 2022', '2022-II')).toBe('Vastgelegd: 1.200 personen gehuisvest op 3 oktober 2022 (2022-II).');
    expect(nl.municipality.ownCount.saved(1, '1', '3 oktober 2022', '2022-II')).toBe('Vastgelegd: 1 persoon gehuisvest op 3 oktober 2022 (2022-II).');
  });
});
