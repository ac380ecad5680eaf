import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { actionsPath, dutchToday, fieldErrors, filtersFromSearch, inboxOrder, ladderField, moveItem, NO_FILTERS, reportField, searchOfFilters, withoutField } from './logic.ts';
import type { Notification } from './types.ts';

describe('action filters in the address', () => {
  it('reads the Dutch parameters and drops what the server would refuse', () => {
    expect(filtersFromSearch(new URLSearchParams('programma=UFA&houder=%20COA%20&provincie=pv27&status=loopt&over-termijn=ja'))).toEqual({
      programme: 'UFA',
      holder: 'COA',
      province: 'PV27',
      status: 'loopt',
      overdue: true,
    });
    expect(filtersFromSearch(new URLSearchParams('provincie=Utrecht&status=klaar&over-termijn=1'))).toEqual(NO_FILTERS);
  });

  it('writes only what is set, and round-trips', () => {
    expect(searchOfFilters(NO_FILTERS).toString()).toBe('');
    const f = { ...NO_FILTERS, overdue: true, province: 'PV27' };
    expect(searchOfFilters(f).toString()).toBe('provincie=PV27&over-termijn=ja');
    expect(filtersFromSearch(searchOfFilters(f))).toEqual(f);
  });

  it('asks the API with its own names', () => {
    expect(actionsPath(NO_FILTERS)).toBe('/api/v1/actions');
    expect(actionsPath({ programme: 'UFA', holder: 'de vries', province: 'PV27', status: 'open', overdue: true })).toBe(
      '/api/v1/actions?programme=UFA&holder=de+vries&province=PV27&status=open&overdue=true',
    );
  });
});

describe('where a server complaint belongs', () => {
  it('finds the ladder level and field in both spellings', () => {
    expect(ladderField('levels[1].afterDays')).toEqual({ index: 1, field: 'afterDays' });
    expect(ladderField('levels.0.graceDays')).toEqual({ index: 0, field: 'graceDays' });
    expect(ladderField('levels')).toBeNull();
    expect(ladderField('levels[x].name')).toBeNull();
  });

  it('finds the report field in both spellings', () => {
    expect(reportField('content.bottlenecks')).toEqual({ field: 'bottlenecks' });
    expect(reportField('bottlenecks')).toEqual({ field: 'bottlenecks' });
    expect(reportField('content.measures')).toEqual({ field: 'measures' });
    expect(reportField('content.measures[2].progress')).toEqual({ field: 'progress', index: 2 });
    expect(reportField('measures.0.measure')).toEqual({ field: 'measure', index: 0 });
    expect(reportField('status')).toBeNull();
  });

  it('shows the reason without the field name the label already gives', () => {
    expect(withoutField('levels[1].afterDays', 'levels[1].afterDays: niveau 2 moet later komen.')).toBe('Niveau 2 moet later komen.');
    expect(withoutField('levels.1.afterDays', 'levels.1.afterDays moet minstens 0 zijn')).toBe('Moet minstens 0 zijn');
    expect(withoutField('text', 'Beschrijf de voortgang.')).toBe('Beschrijf de voortgang.');
  });

  it('puts each complaint on its field, the rest in the summary, and the detail when there are none', () => {
    const error = new ApiError(400, 'ladder-ongeldig', 'Ongeldige invoer', 'x', [
      { name: 'levels[1].afterDays', code: 'ladder-ongeldig', reason: 'levels[1].afterDays: niveau 2 moet later komen.' },
      { name: 'levels', code: 'ladder-ongeldig', reason: 'levels: te veel niveaus.' },
    ]);
    const fieldOf = (name: string) => (ladderField(name) ? `ladder-${ladderField(name)!.index}-${ladderField(name)!.field}` : null);
    expect(fieldErrors(error, fieldOf, 'fallback')).toEqual([
      { fieldId: 'ladder-1-afterDays', message: 'Niveau 2 moet later komen.' },
      { message: 'levels: te veel niveaus.' },
    ]);
    expect(fieldErrors(new ApiError(409, 'c', 'Conflict', 'Al ingediend.'), fieldOf, 'fallback')).toEqual([{ message: 'Al ingediend.' }]);
    expect(fieldErrors(new ApiError(500, 'c', 'Fout', null), fieldOf, 'fallback')).toEqual([{ message: 'fallback' }]);
  });
});

describe('inbox order', () => {
  const n = (id: number, read: boolean, createdAt: string): Notification => ({ id, read, createdAt, subjectType: 'actie', subjectId: '1', title: `t${id}`, body: '', link: null });
  it('puts unread first, then newest first', () => {
    const items = [n(1, true, '2026-01-02T00:00:00Z'), n(2, false, '2026-01-01T00:00:00Z'), n(3, false, '2026-01-03T00:00:00Z'), n(4, true, '2026-01-04T00:00:00Z')];
    expect(inboxOrder(items).map((x) => x.id)).toEqual([3, 2, 4, 1]);
  });
});

describe('small helpers', () => {
  it('gives today in Dutch time, also just after midnight there', () => {
    expect(dutchToday(new Date('2022-07-07T22:30:00Z'))).toBe('2022-07-08');
    expect(dutchToday(new Date('2022-12-31T22:59:00Z'))).toBe('2022-12-31');
  });

  it('moves an item within a list', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b'], 0, 5)).toEqual(['a', 'b']);
  });
});
