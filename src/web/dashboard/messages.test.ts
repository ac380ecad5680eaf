import { describe, expect, it } from 'vitest';
import { en, nl } from './messages.ts';

/** Keys, kinds and function arities (the compiler checks the keys; this also checks the parameters). */
function shape(value: unknown): unknown {
  if (typeof value === 'function') return `function/${value.length}`;
  if (Array.isArray(value)) return `array/${value.length}`;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return typeof value;
}

describe('dashboard messages', () => {
  it('English has exactly the Dutch keys and functions with the same parameters, and no empty texts', () => {
    expect(shape(en)).toEqual(shape(nl));
    const texts = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(texts) : [];
    expect([...texts(nl), ...texts(en)].filter((t) => t.trim() === '')).toEqual([]);
  });

  it('names every report state and pace status the server sends', () => {
    expect(Object.keys(nl.reports.state).sort()).toEqual(['niet-verwacht', 'ontbreekt', 'op-tijd', 'te-laat']);
    expect(Object.keys(nl.ledger.status).sort()).toEqual(['achter', 'licht achter', 'op schema', 'vrijgesteld']);
  });

  it('says dates, sources and counts in Dutch', () => {
    expect(nl.asOfLine('8 juli 2022')).toBe('stand per 8 juli 2022');
    expect(nl.sourceLine('COA-bezettingsopgave')).toBe('bron: COA-bezettingsopgave');
    expect(nl.reception.streak(1, '1')).toBe('1 dag');
    expect(nl.reception.streak(12, '12')).toBe('12 dagen');
    expect(nl.reports.daysLate(3, '3')).toBe('3 dagen te laat');
    expect(nl.meeting.line('Landelijke Regietafel', '8 juli 2022', null)).toBe('Landelijke Regietafel, 8 juli 2022');
    expect(en.reception.shareTotal('1.000', '2.000', '50,0 %')).toBe('1.000 places realised of 2.000 (50,0 %)');
  });
});
