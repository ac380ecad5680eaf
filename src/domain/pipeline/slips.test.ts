import { describe, expect, it } from 'vitest';
import { slips } from './slips.ts';
import { project } from './test-helpers.ts';
import type { DeliveryChange } from './projects.ts';

const change = (projectId: number, changedOn: string, from: string, to: string, reason = 'vertraging'): DeliveryChange => ({ projectId, changedOn, from, to, reason });

describe('slips', () => {
  const late = project({ id: 1, firstExpectedDelivery: '2023-03-01', expectedDelivery: '2023-05-01' });
  const earlierThenLater = project({ id: 2, firstExpectedDelivery: '2023-03-01', expectedDelivery: '2023-03-11' });
  const earlier = project({ id: 3, firstExpectedDelivery: '2023-03-01', expectedDelivery: '2023-02-01' });
  const backToFirst = project({ id: 4, firstExpectedDelivery: '2023-03-01', expectedDelivery: '2023-03-01' });
  const delivered = project({ id: 5, firstExpectedDelivery: '2022-03-01', expectedDelivery: '2022-09-01', status: 'opgeleverd' });
  const dropped = project({ id: 6, firstExpectedDelivery: '2022-03-01', expectedDelivery: '2022-09-01', status: 'vervallen' });
  const history = [
    change(1, '2022-09-01', '2023-04-01', '2023-05-01', 'netaansluiting later'),
    change(1, '2022-06-01', '2023-03-01', '2023-04-01', 'bezwaar'),
    change(2, '2022-05-01', '2023-03-01', '2023-01-01'),
    change(2, '2022-08-01', '2023-01-01', '2023-03-11'),
    change(3, '2022-05-01', '2023-03-01', '2023-02-01'),
    change(4, '2022-05-01', '2023-03-01', '2023-06-01'),
    change(4, '2022-07-01', '2023-06-01', '2023-03-01'),
    change(99, '2022-07-01', '2023-06-01', '2023-03-01'),
  ];

  it('lists projects that ended up later than first expected, by net delay, longest first', () => {
    const r = slips([earlier, earlierThenLater, late, backToFirst, delivered, dropped], history);
    expect(r.map((s) => [s.projectId, s.delayDays, s.moves])).toEqual([
      [1, 61, 2],
      [2, 10, 2],
    ]);
    expect(r[0]).toMatchObject({ firstExpectedDelivery: '2023-03-01', expectedDelivery: '2023-05-01', lastChangedOn: '2022-09-01', lastReason: 'netaansluiting later' });
    expect(r[0]!.project).toBe(late);
  });

  it('leaves delivered and dropped projects out unless asked', () => {
    const r = slips([delivered, dropped, late], history, { includeFinal: true });
    expect(r.map((s) => s.projectId)).toEqual([5, 6, 1]);
    expect(r[0]).toMatchObject({ delayDays: 184, moves: 0, lastChangedOn: null, lastReason: null });
  });

  it('breaks ties by project id', () => {
    const a = project({ id: 20, firstExpectedDelivery: '2023-01-01', expectedDelivery: '2023-01-08' });
    const b = project({ id: 10, firstExpectedDelivery: '2024-01-01', expectedDelivery: '2024-01-08' });
    expect(slips([a, b], []).map((s) => s.projectId)).toEqual([10, 20]);
  });
});
