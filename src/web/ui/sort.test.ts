import { describe, expect, it } from 'vitest';
import { sortRows } from './sort.ts';

const collator = new Intl.Collator('nl-NL', { numeric: true, sensitivity: 'base' });

describe('sortRows', () => {
  const rows = [
    { name: 'Zeeland', n: 385 },
    { name: 'Fryslân', n: null },
    { name: "'s-Hertogenbosch", n: 2 },
    { name: 'Amsterdam', n: 900 },
  ];

  it('sorts numbers both ways and keeps missing figures last', () => {
    expect(sortRows(rows, (r) => r.n, 'ascending', collator).map((r) => r.n)).toEqual([2, 385, 900, null]);
    expect(sortRows(rows, (r) => r.n, 'descending', collator).map((r) => r.n)).toEqual([900, 385, 2, null]);
  });

  it('sorts names with the Dutch collation', () => {
    expect(sortRows(rows, (r) => r.name, 'ascending', collator).map((r) => r.name)).toEqual([
      "'s-Hertogenbosch",
      'Amsterdam',
      'Fryslân',
      'Zeeland',
    ]);
  });

  it('keeps the original order of ties and does not touch its input', () => {
    const ties = [{ k: 1, id: 'a' }, { k: 1, id: 'b' }, { k: 0, id: 'c' }];
    expect(sortRows(ties, (r) => r.k, 'descending', collator).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(ties.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
});
