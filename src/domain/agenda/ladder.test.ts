import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER, checkLadder, dueSteps, escalationSchedule, nextStep, type EscalationLevel, type LadderInput } from './ladder.ts';
import { caught } from './test-helpers.ts';

const level = (l: number, afterDays: number, graceDays = 0, kind: EscalationLevel['kind'] = 'melding'): EscalationLevel => ({ level: l, name: `Niveau ${l}`, afterDays, graceDays, kind });
const at = (today: string, extra: Partial<LadderInput> = {}): LadderInput => ({ deadline: '2022-08-01', closed: false, ladder: DEFAULT_LADDER, fired: [], today, ...extra });

describe('DEFAULT_LADDER', () => {
  it('is the ladder of the issue: the day after the deadline, then +14, +28 and +56 days', () => {
    expect(DEFAULT_LADDER.map((l) => [l.level, l.kind, l.afterDays, l.graceDays])).toEqual([
      [1, 'herinnering-houder', 0, 1],
      [2, 'prt-voorzitter', 14, 0],
      [3, 'lrt-agenda', 28, 0],
      [4, 'staatssecretaris', 56, 0],
    ]);
    expect(checkLadder(DEFAULT_LADDER)).toEqual(DEFAULT_LADDER);
    expect(escalationSchedule('2022-08-01', DEFAULT_LADDER).map((s) => s.dueOn)).toEqual(['2022-08-02', '2022-08-15', '2022-08-29', '2022-09-26']);
  });
});

describe('checkLadder', () => {
  it('returns the levels in level order with trimmed names', () => {
    expect(checkLadder([level(2, 10), { ...level(1, 0, 3), name: '  Herinnering ' }])).toEqual([{ ...level(1, 0, 3), name: 'Herinnering' }, level(2, 10)]);
  });

  it('names the field of the input that is wrong', () => {
    const cases: [EscalationLevel[], string, RegExp][] = [
      [[], 'levels', /1 tot en met 20 niveaus/],
      [[level(1, 1), level(3, 5)], 'levels[1].level', /niveau 2 ontbreekt/],
      [[level(1, 1), level(1, 5)], 'levels[1].level', /niveau 1 komt meer dan eens voor/],
      [[level(0, 1)], 'levels[0].level', /het niveau moet een geheel getal van 1 tot en met 20/],
      [[level(1, 1), level(2, 1)], 'levels[1].afterDays', /niveau 2 moet later komen dan niveau 1 \(1 dagen na de termijn\)/],
      [[level(2, 14), level(1, 20)], 'levels[0].afterDays', /niveau 2 moet later komen dan niveau 1/],
      [[level(1, -1)], 'levels[0].afterDays', /het aantal dagen na de termijn moet een geheel getal van 0 tot en met 3650/],
      [[level(1, 1.5)], 'levels[0].afterDays', /geheel getal/],
      [[level(1, 1, -1)], 'levels[0].graceDays', /de respijttermijn/],
      [[level(1, 0, 0)], 'levels[0].graceDays', /op de dag van de termijn zelf/],
      [[level(1, 0, 20), level(2, 14, 0)], 'levels[1].graceDays', /niveau 2 14 dagen na de termijn, eerder dan niveau 1 \(20 dagen\)/],
      [[{ ...level(1, 1), name: ' ' }], 'levels[0].name', /geef niveau 1 een naam/],
      [[{ ...level(1, 1), kind: 'minister' as EscalationLevel['kind'] }], 'levels[0].kind', /'minister' is geen soort stap/],
    ];
    for (const [levels, field, message] of cases) {
      const e = caught(() => checkLadder(levels));
      expect(e.code).toBe('ladder-ongeldig');
      expect(e.field, message.source).toBe(field);
      expect(e.message).toMatch(message);
      expect(e.message.startsWith(`${field}: `)).toBe(true);
    }
  });

  it('accepts two levels due on the same day through grace', () => {
    expect(checkLadder([level(1, 0, 5), level(2, 5, 0)])).toHaveLength(2);
  });
});

describe('dueSteps', () => {
  it('returns nothing on or before the deadline day', () => {
    expect(dueSteps(at('2022-07-20'))).toEqual([]);
    expect(dueSteps(at('2022-08-01'))).toEqual([]);
  });

  it('returns the reminder the day after the deadline', () => {
    expect(dueSteps(at('2022-08-02'))).toEqual([{ level: 1, kind: 'herinnering-houder', name: 'Herinnering actiehouder', dueOn: '2022-08-02', deadline: '2022-08-01' }]);
  });

  it('returns every due step not yet fired, in level order (catching up after an outage)', () => {
    expect(dueSteps(at('2022-08-29')).map((s) => [s.level, s.dueOn])).toEqual([
      [1, '2022-08-02'],
      [2, '2022-08-15'],
      [3, '2022-08-29'],
    ]);
    expect(dueSteps(at('2022-08-29', { fired: [{ level: 1, deadline: '2022-08-01' }] })).map((s) => s.level)).toEqual([2, 3]);
  });

  it('returns [] once the returned steps are recorded as fired', () => {
    const first = dueSteps(at('2022-09-30'));
    expect(first).toHaveLength(4);
    expect(dueSteps(at('2022-09-30', { fired: first }))).toEqual([]);
    expect(dueSteps(at('2023-09-30', { fired: first }))).toEqual([]);
  });

  it('starts again for an extended deadline: steps fired for the old one do not count', () => {
    const fired = [
      { level: 1, deadline: '2022-08-01' },
      { level: 2, deadline: '2022-08-01' },
    ];
    expect(dueSteps(at('2022-09-15', { deadline: '2022-09-15', fired }))).toEqual([]);
    expect(dueSteps(at('2022-09-16', { deadline: '2022-09-15', fired })).map((s) => [s.level, s.deadline])).toEqual([[1, '2022-09-15']]);
    // Back to the old deadline: what fired for it stays fired.
    expect(dueSteps(at('2022-08-20', { fired })).map((s) => s.level)).toEqual([]);
  });

  it('returns nothing for a closed subject', () => {
    expect(dueSteps(at('2022-12-31', { closed: true }))).toEqual([]);
  });

  it('honours grace days per level', () => {
    const ladder = [level(1, 0, 3), level(2, 7, 2)];
    expect(dueSteps(at('2022-08-03', { ladder }))).toEqual([]);
    expect(dueSteps(at('2022-08-04', { ladder })).map((s) => s.dueOn)).toEqual(['2022-08-04']);
    expect(dueSteps(at('2022-08-10', { ladder })).map((s) => s.dueOn)).toEqual(['2022-08-04', '2022-08-10']);
  });

  it('refuses an invalid ladder and fired deadlines that are not ISO dates', () => {
    expect(caught(() => dueSteps(at('2022-08-10', { ladder: [level(1, 0, 0)] }))).field).toBe('levels[0].graceDays');
    const fromDriver = [{ level: 1, deadline: new Date('2022-08-01') as unknown as string }];
    expect(caught(() => dueSteps(at('2022-08-10', { fired: fromDriver })))).toMatchObject({ code: 'datum-ongeldig', field: 'fired[0].deadline' });
    expect(caught(() => dueSteps(at('2022-8-10')))).toMatchObject({ field: 'today' });
  });
});

describe('nextStep', () => {
  it('gives the lowest level not yet fired for the deadline, with its day', () => {
    expect(nextStep(at('2022-07-15'))).toEqual({ level: 1, kind: 'herinnering-houder', name: 'Herinnering actiehouder', dueOn: '2022-08-02', deadline: '2022-08-01' });
    expect(nextStep(at('2022-08-03', { fired: [{ level: 1, deadline: '2022-08-01' }] }))).toEqual({
      level: 2,
      kind: 'prt-voorzitter',
      name: 'PRT-voorzitter',
      dueOn: '2022-08-15',
      deadline: '2022-08-01',
    });
  });

  it('shows a due step that the scheduled run has not fired yet', () => {
    expect(nextStep(at('2022-08-20', { fired: [{ level: 1, deadline: '2022-08-01' }] }))?.dueOn).toBe('2022-08-15');
  });

  it('is null when all steps fired or the subject is closed', () => {
    const all = [1, 2, 3, 4].map((l) => ({ level: l, deadline: '2022-08-01' }));
    expect(nextStep(at('2022-12-01', { fired: all }))).toBeNull();
    expect(nextStep(at('2022-07-01', { closed: true }))).toBeNull();
  });

  it('starts from level 1 for a new deadline', () => {
    const all = [1, 2, 3, 4].map((l) => ({ level: l, deadline: '2022-08-01' }));
    expect(nextStep(at('2022-12-01', { deadline: '2023-01-31', fired: all }))?.dueOn).toBe('2023-02-01');
  });
});
