import { describe, expect, it } from 'vitest';
import { en, nl } from './messages.ts';
import { ATTENDANCE_STATUSES, MINUTES_STATUSES, REDACTION_REASONS } from './types.ts';

/** Keys, kinds and function arities (the compiler checks the keys; this also checks the parameters). */
function shape(value: unknown): unknown {
  if (typeof value === 'function') return `function/${value.length}`;
  if (Array.isArray(value)) return `array/${value.length}`;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return typeof value;
}

describe('meetings messages', () => {
  it('English has exactly the Dutch keys and functions with the same parameters, and no empty texts', () => {
    expect(shape(en)).toEqual(shape(nl));
    const texts = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(texts) : [];
    expect([...texts(nl), ...texts(en)].filter((t) => t.trim() === '')).toEqual([]);
  });

  it('names every minutes status, attendance status and redaction reason the server knows', () => {
    expect(Object.keys(nl.minutesStatus).sort()).toEqual([...MINUTES_STATUSES].sort());
    expect(Object.keys(nl.attendance).sort()).toEqual([...ATTENDANCE_STATUSES].sort());
    expect(Object.keys(nl.reasons).sort()).toEqual([...REDACTION_REASONS].sort());
  });

  it('counts and substitutes in Dutch', () => {
    expect(nl.woo.open(1)).toBe('Nog 1 voorstel zonder besluit.');
    expect(nl.woo.open(3)).toBe('Nog 3 voorstellen zonder besluit.');
    expect(nl.meeting.replacedBy('Dhr. B. Jansen')).toBe('vervangen door Dhr. B. Jansen');
    expect(nl.meeting.proposalsAdded(1)).toBe('Uit de escalatieladder is 1 agendapunt toegevoegd:');
    expect(nl.meeting.proposalsAdded(2)).toBe('Uit de escalatieladder zijn 2 agendapunten toegevoegd:');
    expect(nl.mins.sent(0)).toBe('De notulen zijn verstuurd aan de leden. Er stonden geen acties in.');
    expect(nl.mins.sent(1)).toBe('De notulen zijn verstuurd aan de leden. 1 actie staat nu op de actieagenda.');
    expect(nl.mins.sent(3)).toBe('De notulen zijn verstuurd aan de leden. 3 acties staan nu op de actieagenda.');
    expect(nl.mins.confirmSendBody(2)).toContain('De 2 acties komen daarna op de actieagenda.');
  });
});
