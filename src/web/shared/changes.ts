/** One field that differs between the before and after of an audit entry. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  kind: 'added' | 'removed' | 'changed';
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return !!x && typeof x === 'object' && !Array.isArray(x);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields that changed, in the order they first appear. A created record lists every field as added.
 *
 * `changedFields({ name: 'A', roles: [] }, { name: 'B', roles: [] })` → [{ field: 'name', before: 'A', after: 'B', kind: 'changed' }]
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  if (!isRecord(before) && !isRecord(after)) {
    if (before === null && after === null) return [];
    if (same(before, after)) return [];
    return [{ field: '', before, after, kind: before === null ? 'added' : after === null ? 'removed' : 'changed' }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .filter((field) => !same(b[field], a[field]))
    .map((field) => ({
      field,
      before: field in b ? b[field] : null,
      after: field in a ? a[field] : null,
      kind: !(field in b) || !isRecord(before) ? 'added' : !(field in a) ? 'removed' : 'changed',
    }));
}
