import type { RoleGrant } from '../api/types.ts';
import { useT, type Messages } from '../i18n/index.tsx';
import { VisuallyHidden } from '../ui/index.ts';
import { changedFields } from './changes.ts';
import { rolesLabel } from './roles.ts';

function isRoleList(x: unknown): x is RoleGrant[] {
  return Array.isArray(x) && x.every((g) => g && typeof g === 'object' && typeof (g as RoleGrant).role === 'string');
}

function useValueText() {
  const { t, number, dateTime } = useT();
  return (value: unknown): string => {
    if (value === null || value === undefined || value === '') return t.history.emptyValue;
    if (typeof value === 'boolean') return value ? t.form.yes : t.form.no;
    if (typeof value === 'number') return number(value);
    if (isRoleList(value)) return rolesLabel(t, value);
    if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}T/.test(value) ? dateTime(value) : value;
    return JSON.stringify(value);
  };
}

export function fieldLabel(t: Messages, field: string): string {
  return (t.history.fields as Record<string, string>)[field] ?? field;
}

export function actionLabel(t: Messages, action: string): string {
  return (t.history.actions as Record<string, string>)[action] ?? action;
}

/** What changed in one audit entry: per field "before → after"; the arrow is read as "werd". */
export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useT();
  const text = useValueText();
  // Known fields in a fixed, meaningful order (the database returns JSON keys in its own order).
  const order = Object.keys(t.history.fields);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  const changes = changedFields(before, after).sort((a, b) => rank(a.field) - rank(b.field));
  if (changes.length === 0) return <>–</>;
  return (
    <ul className="rt-change-list">
      {changes.map((c) => (
        <li key={c.field}>
          {c.field ? <span className="rt-change-field">{fieldLabel(t, c.field)}: </span> : null}
          {c.kind === 'added' ? (
            text(c.after)
          ) : c.kind === 'removed' ? (
            <>
              <span className="rt-change-before">{text(c.before)}</span> ({t.history.removed})
            </>
          ) : (
            <>
              <span className="rt-change-before">{text(c.before)}</span>{' '}
              <span aria-hidden="true">→</span>
              <VisuallyHidden>{t.history.changeArrow}</VisuallyHidden> {text(c.after)}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
