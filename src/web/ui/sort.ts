export type SortDirection = 'ascending' | 'descending';
export type SortValue = string | number | null;

/**
 * A sorted copy of `rows`. Rows without a value (a missing population figure) always go last, in both directions,
 * so they never pose as the smallest or largest. Ties keep their original order.
 *
 * `sortRows([{n: 2}, {n: null}, {n: 1}], (r) => r.n, 'descending', collator)` → n = 2, 1, null
 */
export function sortRows<Row>(
  rows: readonly Row[],
  value: (row: Row) => SortValue,
  direction: SortDirection,
  collator: Intl.Collator,
): Row[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, key: value(row) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) {
        if (a.key === b.key) return a.index - b.index;
        return a.key === null ? 1 : -1;
      }
      const order =
        typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : collator.compare(String(a.key), String(b.key));
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map((entry) => entry.row);
}
