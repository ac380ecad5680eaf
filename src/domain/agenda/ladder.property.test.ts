/**
 * Property tests of the escalation ladder over random ladders, deadlines, extensions, closings and day sequences:
 * each (deadline, level) fires at most once, a second call after recording is empty, nothing due is skipped, and
 * steps come in level order, never on or before the deadline, never for a closed subject.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates.ts';
import { ESCALATION_KINDS, checkLadder, dueSteps, escalationSchedule, nextStep, type EscalationLevel, type FiredStep } from './ladder.ts';

/** Valid ladders by construction: afterDays strictly increasing, due days never decreasing and at least 1. */
const ladderArb: fc.Arbitrary<EscalationLevel[]> = fc
  .array(fc.record({ gap: fc.integer({ min: 0, max: 30 }), grace: fc.integer({ min: 0, max: 10 }), kind: fc.constantFrom(...ESCALATION_KINDS) }), { minLength: 1, maxLength: 6 })
  .map((parts) => {
    let after = -1;
    let due = 1;
    return parts.map((p, i) => {
      after = i === 0 ? p.gap : after + 1 + p.gap;
      due = Math.max(due, after + p.grace);
      return { level: i + 1, name: `Niveau ${i + 1}`, afterDays: after, graceDays: due - after, kind: p.kind };
    });
  });

type Change = { type: 'none' } | { type: 'move'; by: number } | { type: 'close' } | { type: 'reopen' };
const changeArb: fc.Arbitrary<Change> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ type: 'none' as const }) },
  { weight: 2, arbitrary: fc.integer({ min: -20, max: 60 }).filter((n) => n !== 0).map((by) => ({ type: 'move' as const, by })) },
  { weight: 1, arbitrary: fc.constant({ type: 'close' as const }) },
  { weight: 1, arbitrary: fc.constant({ type: 'reopen' as const }) },
);
const startArb = fc.integer({ min: 0, max: 2000 }).map((d) => addDays('2021-01-01', d));

describe('dueSteps over random histories', () => {
  it('generates only ladders checkLadder accepts', () => {
    fc.assert(
      fc.property(ladderArb, (ladder) => {
        expect(checkLadder(ladder)).toEqual(ladder);
      }),
    );
  });

  it('fires each (deadline, level) at most once over any sequence of days, idempotently and completely', () => {
    fc.assert(
      fc.property(ladderArb, startArb, fc.array(fc.record({ day: fc.integer({ min: -10, max: 200 }), change: changeArb }), { maxLength: 40 }), (ladder, start, events) => {
        let deadline = start;
        let closed = false;
        const fired: FiredStep[] = [];
        const seen = new Set<string>();
        for (const { day, change } of events) {
          if (change.type === 'move') deadline = addDays(deadline, change.by);
          if (change.type === 'close') closed = true;
          if (change.type === 'reopen') closed = false;
          const today = addDays(start, day);
          const input = { deadline, closed, ladder, fired, today };
          const steps = dueSteps(input);
          if (closed) expect(steps).toEqual([]);
          steps.forEach((s, i) => {
            const key = `${s.deadline}|${s.level}`;
            expect(seen.has(key), `${key} twee keer`).toBe(false);
            seen.add(key);
            expect(s.deadline).toBe(deadline);
            expect(s.dueOn <= today).toBe(true);
            expect(s.dueOn > deadline).toBe(true);
            if (i > 0) expect(s.level).toBeGreaterThan(steps[i - 1]!.level);
          });
          fired.push(...steps.map((s) => ({ level: s.level, deadline: s.deadline })));
          // Recorded, the same call has nothing left.
          expect(dueSteps({ ...input, fired })).toEqual([]);
          if (!closed) {
            // Nothing due is skipped: every step due by today has fired for the current deadline.
            for (const s of escalationSchedule(deadline, ladder).filter((x) => x.dueOn <= today)) {
              expect(seen.has(`${deadline}|${s.level}`)).toBe(true);
            }
            // The next step is the lowest level not fired yet, and lies after today.
            const next = nextStep({ ...input, fired });
            const open = escalationSchedule(deadline, ladder).filter((x) => !seen.has(`${deadline}|${x.level}`));
            expect(next).toEqual(open[0] ?? null);
            if (next) expect(next.dueOn > today).toBe(true);
          } else {
            expect(nextStep({ ...input, fired })).toBeNull();
          }
        }
      }),
    );
  });

  it('fires each step on the first run on or after its day, for a deadline that stays', () => {
    fc.assert(
      fc.property(ladderArb, startArb, fc.uniqueArray(fc.integer({ min: -5, max: 250 }), { maxLength: 60 }), (ladder, deadline, offsets) => {
        const days = offsets.sort((a, b) => a - b).map((d) => addDays(deadline, d));
        const fired: FiredStep[] = [];
        const firstRun = new Map<number, string>();
        for (const today of days) {
          for (const s of dueSteps({ deadline, closed: false, ladder, fired, today })) {
            firstRun.set(s.level, today);
            fired.push(s);
          }
        }
        for (const s of escalationSchedule(deadline, ladder)) {
          expect(firstRun.get(s.level)).toBe(days.find((d) => d >= s.dueOn));
        }
      }),
    );
  });
});
