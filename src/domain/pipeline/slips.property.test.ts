/**
 * Property tests over random projects with random histories of moves: a project is listed exactly when its moves add up
 * to a later date, with that net delay and all its moves counted; in particular a project with no move later never
 * appears, and the list is sorted by delay.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../reception/dates.ts';
import { slips } from './slips.ts';
import type { DeliveryChange, PipelineProject } from './projects.ts';
import { PROJECT_STATUSES } from './statuses.ts';
import { project } from './test-helpers.ts';

/** Up to 8 projects, each with a first date and a list of moves in days (negative = earlier). */
const caseArb = fc.array(
  fc.record({
    firstOffset: fc.integer({ min: 0, max: 1000 }),
    moves: fc.array(fc.integer({ min: -200, max: 200 }).filter((d) => d !== 0), { maxLength: 5 }),
    status: fc.constantFrom(...PROJECT_STATUSES),
  }),
  { maxLength: 8 },
);

function build(cases: { firstOffset: number; moves: number[]; status: PipelineProject['status'] }[]) {
  const projects: PipelineProject[] = [];
  const history: DeliveryChange[] = [];
  cases.forEach((c, i) => {
    const first = addDays('2023-01-01', c.firstOffset);
    let date = first;
    c.moves.forEach((m, k) => {
      const to = addDays(date, m);
      history.push({ projectId: i + 1, changedOn: addDays('2022-01-01', k), from: date, to, reason: 'test' });
      date = to;
    });
    projects.push(project({ id: i + 1, firstExpectedDelivery: first, expectedDelivery: date, status: c.status }));
  });
  return { projects, history };
}

describe('slips (properties)', () => {
  it('never lists a project that did not move later', () => {
    fc.assert(
      fc.property(caseArb, (cases) => {
        const { projects, history } = build(cases.map((c) => ({ ...c, moves: c.moves.map((m) => -Math.abs(m)) })));
        expect(slips(projects, history, { includeFinal: true })).toEqual([]);
      }),
    );
  });

  it('lists exactly the open projects whose moves add up to later, with net delay and every move', () => {
    fc.assert(
      fc.property(caseArb, (cases) => {
        const { projects, history } = build(cases);
        const listed = slips(projects, history);
        const expected = cases
          .map((c, i) => ({ id: i + 1, net: c.moves.reduce((a, b) => a + b, 0), moves: c.moves.length, status: c.status }))
          .filter((c) => c.net > 0 && c.status !== 'opgeleverd' && c.status !== 'vervallen');
        expect(listed.map((s) => s.projectId).sort((a, b) => a - b)).toEqual(expected.map((c) => c.id));
        for (const s of listed) {
          const c = expected.find((e) => e.id === s.projectId)!;
          expect(s.delayDays).toBe(c.net);
          expect(s.moves).toBe(c.moves);
        }
        for (let k = 1; k < listed.length; k++) expect(listed[k - 1]!.delayDays).toBeGreaterThanOrEqual(listed[k]!.delayDays);
      }),
    );
  });
});
