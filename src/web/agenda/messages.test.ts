import { describe, expect, it } from 'vitest';
import { ACTION_STATUSES, ESCALATION_KINDS } from './types.ts';
import { en, nl } from './messages.ts';

/** Keys, kinds and function arities (the compiler checks the keys; this also checks the parameters). */
function shape(value: unknown): unknown {
  if (typeof value === 'function') return `function/${value.length}`;
  if (Array.isArray(value)) return `array/${value.length}`;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return typeof value;
}

describe('agenda messages', () => {
  it('English has exactly the Dutch keys and functions with the same parameters, and no empty texts', () => {
    expect(shape(en)).toEqual(shape(nl));
    const texts = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(texts) : [];
    expect([...texts(nl), ...texts(en)].filter((t) => t.trim() === '')).toEqual([]);
  });

  it('names every status and every kind of escalation step the server knows', () => {
    expect(Object.keys(nl.status).sort()).toEqual([...ACTION_STATUSES].sort());
    expect(Object.keys(nl.kinds).sort()).toEqual([...ESCALATION_KINDS].sort());
  });

  it('counts in Dutch', () => {
    expect(nl.list.count(1, '28 november 2026')).toBe('1 actie gevonden, stand op 28 november 2026.');
    expect(nl.list.count(6, '28 november 2026')).toBe('6 acties gevonden, stand op 28 november 2026.');
    expect(nl.inbox.count(0, 3)).toBe('Geen ongelezen meldingen van 3.');
    expect(nl.reports.daysLate(1, '1')).toBe('1 dag');
    expect(nl.reports.daysLate(1576, '1.576')).toBe('1.576 dagen');
  });
});
