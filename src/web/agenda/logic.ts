/**
 * The agenda pages' rules that need no React: the filters in the address, where a server complaint belongs in a
 * form, the order of the inbox. Unit-tested in logic.test.ts.
 */
import type { ApiError } from '../api/client.ts';
import type { FormError } from '../ui/index.ts';
import { ACTION_STATUSES, type ActionStatus, type Notification } from './types.ts';

/** The filters of the action list as the address carries them (Dutch names, so a shared link reads well). */
export interface ActionFilters {
  programme: string;
  holder: string;
  province: string;
  status: ActionStatus | '';
  overdue: boolean;
}

export const NO_FILTERS: ActionFilters = { programme: '', holder: '', province: '', status: '', overdue: false };

const PROVINCE = /^PV\d{2}$/;
const isStatus = (s: string): s is ActionStatus => (ACTION_STATUSES as readonly string[]).includes(s);

/**
 * `?programma=UFA&status=loopt&over-termijn=ja` → the filters; what the server would refuse (an unknown status, a
 * province that is no code) is dropped, so a mistyped link shows all actions rather than an error.
 */
export function filtersFromSearch(params: URLSearchParams): ActionFilters {
  const status = params.get('status') ?? '';
  const province = (params.get('provincie') ?? '').toUpperCase();
  return {
    programme: (params.get('programma') ?? '').trim(),
    holder: (params.get('houder') ?? '').trim().slice(0, 200),
    province: PROVINCE.test(province) ? province : '',
    status: isStatus(status) ? status : '',
    overdue: params.get('over-termijn') === 'ja',
  };
}

/** The address of the filters, leaving out what is not set: `{ overdue: true }` → `over-termijn=ja`. */
export function searchOfFilters(f: ActionFilters): URLSearchParams {
  const out = new URLSearchParams();
  if (f.programme) out.set('programma', f.programme);
  if (f.holder.trim()) out.set('houder', f.holder.trim());
  if (f.province) out.set('provincie', f.province);
  if (f.status) out.set('status', f.status);
  if (f.overdue) out.set('over-termijn', 'ja');
  return out;
}

/** The same filters as the API's query: `{ overdue: true, province: 'PV27' }` → `/api/v1/actions?province=PV27&overdue=true`. */
export function actionsPath(f: ActionFilters): string {
  const q = new URLSearchParams();
  if (f.programme) q.set('programme', f.programme);
  if (f.holder.trim()) q.set('holder', f.holder.trim());
  if (f.province) q.set('province', f.province);
  if (f.status) q.set('status', f.status);
  if (f.overdue) q.set('overdue', 'true');
  const query = q.toString();
  return query ? `/api/v1/actions?${query}` : '/api/v1/actions';
}

/**
 * Where a complaint about a ladder level belongs. The rules name fields by their place in what was sent
 * (`levels[1].afterDays`), the schema check with dots (`levels.1.afterDays`); both give `{ index: 1, field: 'afterDays' }`.
 * A complaint about the whole ladder (`levels`) has no field: null.
 */
export function ladderField(name: string): { index: number; field: string } | null {
  const match = /^levels(?:\[(\d+)\]|\.(\d+))\.(\w+)$/.exec(name);
  if (!match) return null;
  return { index: Number(match[1] ?? match[2]), field: match[3]! };
}

/**
 * Where a complaint about a monthly report belongs: the submit check names `content.measures[0].progress`, the
 * schema check of a save `measures.0.progress`. → `{ field: 'progress', index: 0 }`; `content.bottlenecks` →
 * `{ field: 'bottlenecks' }`; `content.measures` (none at all) → `{ field: 'measures' }`.
 */
export function reportField(name: string): { field: 'bottlenecks' | 'measures' | 'measure' | 'progress'; index?: number } | null {
  const bare = name.replace(/^content\./, '');
  if (bare === 'bottlenecks') return { field: 'bottlenecks' };
  if (bare === 'measures') return { field: 'measures' };
  const match = /^measures(?:\[(\d+)\]|\.(\d+))\.(measure|progress)$/.exec(bare);
  if (!match) return null;
  return { field: match[3] as 'measure' | 'progress', index: Number(match[1] ?? match[2]) };
}

/**
 * The server's reason without the field name it starts with, which the form already shows as the label:
 * `withoutField('levels[1].afterDays', 'levels[1].afterDays: niveau 2 moet later komen …')` → 'Niveau 2 moet later komen …'.
 */
export function withoutField(name: string, reason: string): string {
  let text = reason;
  if (text.startsWith(`${name}: `)) text = text.slice(name.length + 2);
  else if (text.startsWith(`${name} `)) text = text.slice(name.length + 1);
  return text.charAt(0).toLocaleUpperCase('nl') + text.slice(1);
}

/**
 * The server's complaints as form errors: each on its field when `fieldOf` knows it (without the field name the label
 * already shows), otherwise in the summary; without any, the Dutch `detail` (or `fallback`).
 */
export function fieldErrors(error: ApiError, fieldOf: (name: string) => string | null, fallback: string): FormError[] {
  if (error.invalidParams.length === 0) return [{ message: error.detail ?? fallback }];
  return error.invalidParams.map((p) => {
    const fieldId = fieldOf(p.name);
    return fieldId ? { fieldId, message: withoutField(p.name, p.reason) } : { message: p.reason };
  });
}

/** Unread first, then newest first; the order is fixed when the list loads, so nothing jumps while marking. */
export function inboxOrder(items: readonly Notification[]): Notification[] {
  return [...items].sort((a, b) => Number(a.read) - Number(b.read) || b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
}

/** Today in the Netherlands as YYYY-MM-DD, as the server counts deadlines (not UTC, not the browser's zone). */
export function dutchToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** `moveItem(['a', 'b', 'c'], 2, 0)` → ['c', 'a', 'b']; out of range: the list as it was. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length || from === to) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}
