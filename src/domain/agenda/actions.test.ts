import { describe, expect, it } from 'vitest';
import {
  ACTION_STATUSES,
  ACTION_STATUS_LABELS,
  REOPEN_TO,
  STATUS_TRANSITIONS,
  checkActionInput,
  checkDeadlineChange,
  checkProgressUpdate,
  checkStatusChange,
  daysOverdue,
  filterActions,
  isClosed,
  isOverdue,
  newlyOverdue,
  type ActionStatus,
  type FilterableAction,
} from './actions.ts';
import { addDays } from './dates.ts';
import { caught } from './test-helpers.ts';

describe('statuses', () => {
  it('has the five statuses of the issue with Dutch labels', () => {
    expect(ACTION_STATUSES).toEqual(['open', 'loopt', 'gereed', 'vertraagd', 'vervallen']);
    expect(ACTION_STATUSES.map((s) => ACTION_STATUS_LABELS[s])).toEqual(['Open', 'Loopt', 'Gereed', 'Vertraagd', 'Vervallen']);
  });

  it('closes an action with gereed and vervallen only', () => {
    expect(ACTION_STATUSES.filter(isClosed)).toEqual(['gereed', 'vervallen']);
    expect(caught(() => isClosed('klaar' as ActionStatus))).toMatchObject({ code: 'status-onbekend', field: 'status' });
  });
});

describe('checkActionInput', () => {
  it('trims the texts and fills the defaults', () => {
    expect(checkActionInput({ description: ' Locaties inventariseren ', holderOrganisation: ' COA ', holderPerson: '  ', deadline: '2022-08-01' })).toEqual({
      description: 'Locaties inventariseren',
      holderOrganisation: 'COA',
      holderPerson: null,
      deadline: '2022-08-01',
      measure: null,
      province: null,
      status: 'open',
    });
    expect(
      checkActionInput({ description: 'x', holderOrganisation: 'Provincie Noord-Holland', holderPerson: 'J. Jansen', deadline: '2022-08-01', measure: 8, province: 'PV27', status: 'loopt' }),
    ).toMatchObject({ holderPerson: 'J. Jansen', measure: 8, province: 'PV27', status: 'loopt' });
  });

  it('names the field that is wrong, in Dutch', () => {
    const base = { description: 'Regeling uitwerken', holderOrganisation: 'JenV', deadline: '2022-09-01' };
    expect(caught(() => checkActionInput({ ...base, description: '   ' }))).toMatchObject({
      code: 'tekst-ontbreekt',
      field: 'description',
      message: 'description: vul een omschrijving van de actie in.',
    });
    expect(caught(() => checkActionInput({ ...base, holderOrganisation: '' }))).toMatchObject({ code: 'tekst-ontbreekt', field: 'holderOrganisation' });
    expect(caught(() => checkActionInput({ ...base, holderOrganisation: 'x'.repeat(201) }))).toMatchObject({ code: 'tekst-te-lang', field: 'holderOrganisation' });
    expect(caught(() => checkActionInput({ ...base, deadline: '2022-09-31' }))).toMatchObject({
      code: 'datum-ongeldig',
      field: 'deadline',
      message: "deadline: '2022-09-31' is geen geldige datum; schrijf bijvoorbeeld 2022-08-15.",
    });
    expect(caught(() => checkActionInput({ ...base, measure: 0 }))).toMatchObject({ code: 'maatregel-ongeldig', field: 'measure' });
    expect(caught(() => checkActionInput({ ...base, measure: 8.5 }))).toMatchObject({ code: 'maatregel-ongeldig' });
    expect(caught(() => checkActionInput({ ...base, province: 'PV32' }))).toMatchObject({ code: 'provincie-ongeldig', field: 'province' });
    expect(caught(() => checkActionInput({ ...base, status: 'klaar' as ActionStatus }))).toMatchObject({ code: 'status-onbekend' });
  });

  it('accepts a deadline in the past (actions of earlier meetings are entered afterwards)', () => {
    expect(checkActionInput({ description: 'x', holderOrganisation: 'y', deadline: '2000-01-01' }).deadline).toBe('2000-01-01');
  });
});

describe('checkStatusChange', () => {
  it('lets the active statuses move freely and close the action', () => {
    expect(checkStatusChange('open', 'loopt')).toEqual({ from: 'open', to: 'loopt', changed: true, reopened: false });
    expect(checkStatusChange('loopt', 'open').changed).toBe(true);
    expect(checkStatusChange('vertraagd', 'gereed').changed).toBe(true);
    expect(checkStatusChange('open', 'vervallen', { reason: 'Opgegaan in maatregel 9' }).to).toBe('vervallen');
  });

  it('treats the same status as no change, also for a closed action', () => {
    expect(checkStatusChange('gereed', 'gereed')).toEqual({ from: 'gereed', to: 'gereed', changed: false, reopened: false });
  });

  it('needs a reason to drop an action', () => {
    expect(caught(() => checkStatusChange('loopt', 'vervallen'))).toMatchObject({ code: 'reden-ontbreekt', field: 'reason' });
    expect(caught(() => checkStatusChange('loopt', 'vervallen', { reason: '  ' }))).toMatchObject({ code: 'reden-ontbreekt' });
  });

  it('keeps a closed action closed unless it is reopened explicitly with a reason', () => {
    expect(caught(() => checkStatusChange('gereed', 'loopt'))).toMatchObject({
      code: 'statusovergang-ongeldig',
      field: 'status',
      message: "status: de actie is gereed en daarmee afgesloten; zij gaat alleen terug naar de status 'loopt' als u haar uitdrukkelijk heropent, met een reden.",
    });
    expect(caught(() => checkStatusChange('vervallen', 'open', { reason: 'toch nodig' }))).toMatchObject({ code: 'statusovergang-ongeldig' });
    expect(caught(() => checkStatusChange('gereed', 'loopt', { reopen: true }))).toMatchObject({ code: 'reden-ontbreekt', field: 'reason' });
    expect(checkStatusChange('gereed', 'loopt', { reopen: true, reason: 'Nieuwe vraag van de PRT' })).toEqual({ from: 'gereed', to: 'loopt', changed: true, reopened: true });
    expect(checkStatusChange('vervallen', 'vertraagd', { reopen: true, reason: 'x' }).reopened).toBe(true);
  });

  it('never goes from one closed status to the other, not even when reopening', () => {
    for (const [from, to] of [
      ['gereed', 'vervallen'],
      ['vervallen', 'gereed'],
    ] as const) {
      expect(caught(() => checkStatusChange(from, to, { reopen: true, reason: 'x' }))).toMatchObject({ code: 'statusovergang-ongeldig' });
    }
  });

  it('agrees with the documented table for every pair', () => {
    for (const from of ACTION_STATUSES) {
      for (const to of ACTION_STATUSES) {
        const plain = (() => {
          try {
            checkStatusChange(from, to, { reason: 'reden' });
            return true;
          } catch {
            return false;
          }
        })();
        const reopen = (() => {
          try {
            return checkStatusChange(from, to, { reopen: true, reason: 'reden' }).reopened;
          } catch {
            return false;
          }
        })();
        expect(plain, `${from} → ${to}`).toBe(from === to || STATUS_TRANSITIONS[from].includes(to));
        expect(reopen, `${from} → ${to} heropend`).toBe(isClosed(from) && REOPEN_TO.includes(to));
      }
    }
  });
});

describe('isOverdue and newlyOverdue', () => {
  it('is overdue from the day after the deadline while not closed', () => {
    expect(isOverdue({ deadline: '2022-08-01', status: 'loopt' }, '2022-08-01')).toBe(false);
    expect(isOverdue({ deadline: '2022-08-01', status: 'loopt' }, '2022-08-02')).toBe(true);
    expect(isOverdue({ deadline: '2022-08-01', status: 'open' }, '2023-01-01')).toBe(true);
    expect(isOverdue({ deadline: '2022-08-01', status: 'gereed' }, '2022-08-02')).toBe(false);
    expect(isOverdue({ deadline: '2022-08-01', status: 'vervallen' }, '2022-08-02')).toBe(false);
    // 'vertraagd' is what the holder says, not the calendar.
    expect(isOverdue({ deadline: '2022-08-01', status: 'vertraagd' }, '2022-07-01')).toBe(false);
  });

  it('counts the days overdue', () => {
    expect(daysOverdue({ deadline: '2022-08-01', status: 'open' }, '2022-08-15')).toBe(14);
    expect(daysOverdue({ deadline: '2022-08-01', status: 'gereed' }, '2022-08-15')).toBe(0);
    expect(daysOverdue({ deadline: '2022-08-01', status: 'open' }, '2022-07-15')).toBe(0);
  });

  it('shows the actions whose deadline lies in [today − N, today)', () => {
    const today = '2022-08-15';
    const list = [-1, -7, -8, 0, 3, -30].map((d, id) => ({ id, deadline: addDays(today, d), status: 'open' as const }));
    expect(newlyOverdue(list, today).map((a) => a.id)).toEqual([0, 1]);
    expect(newlyOverdue(list, today, 8).map((a) => a.id)).toEqual([0, 1, 2]);
    expect(newlyOverdue(list, today, 1).map((a) => a.id)).toEqual([0]);
    expect(newlyOverdue([{ deadline: '2022-08-14', status: 'gereed' as const }], today)).toEqual([]);
  });

  it('lists each deadline in exactly one weekly run', () => {
    const mondays = Array.from({ length: 10 }, (_, i) => addDays('2022-08-01', 7 * i));
    for (let d = 0; d < 56; d++) {
      const action = { deadline: addDays('2022-08-01', d), status: 'loopt' as const };
      expect(mondays.filter((m) => newlyOverdue([action], m, 7).length === 1)).toHaveLength(1);
    }
  });

  it('refuses a window that is not a whole number of days', () => {
    expect(caught(() => newlyOverdue([], '2022-08-15', 0))).toMatchObject({ code: 'getal-ongeldig', field: 'sinceDays' });
    expect(caught(() => newlyOverdue([], '15-08-2022'))).toMatchObject({ code: 'datum-ongeldig', field: 'today' });
  });
});

describe('checkDeadlineChange', () => {
  it('extends with a reason and restarts the ladder', () => {
    expect(checkDeadlineChange('2022-09-01', '2022-10-01', ' Meer tijd voor afstemming met VNG ')).toEqual({
      kind: 'verlengd',
      from: '2022-09-01',
      to: '2022-10-01',
      reason: 'Meer tijd voor afstemming met VNG',
      resetsLadder: true,
    });
  });

  it('needs a reason for an extension', () => {
    expect(caught(() => checkDeadlineChange('2022-09-01', '2022-10-01', ''))).toMatchObject({
      code: 'reden-ontbreekt',
      field: 'reason',
      message: 'reason: geef een reden op voor het verlengen van de termijn.',
    });
    expect(caught(() => checkDeadlineChange('2022-09-01', '2022-10-01', null))).toMatchObject({ code: 'reden-ontbreekt' });
  });

  it('allows an earlier deadline, with a reason too', () => {
    expect(checkDeadlineChange('2022-09-01', '2022-08-20', 'Besluit LRT: eerder nodig')).toMatchObject({ kind: 'vervroegd', resetsLadder: true });
    expect(caught(() => checkDeadlineChange('2022-09-01', '2022-08-20', undefined)).message).toBe('reason: geef een reden op voor het vervroegen van de termijn.');
  });

  it('is no change for the same date', () => {
    expect(checkDeadlineChange('2022-09-01', '2022-09-01', '')).toEqual({ kind: 'ongewijzigd', from: '2022-09-01', to: '2022-09-01', reason: null, resetsLadder: false });
  });

  it('refuses a new deadline before today when today is given', () => {
    expect(caught(() => checkDeadlineChange('2022-08-01', '2022-09-01', 'verlenging', { today: '2022-09-10' }))).toMatchObject({ code: 'termijn-ongeldig', field: 'deadline' });
    expect(checkDeadlineChange('2022-08-01', '2022-09-10', 'verlenging', { today: '2022-09-10' }).kind).toBe('verlengd');
    expect(caught(() => checkDeadlineChange('2022-08-01', '2022-09-31', 'x'))).toMatchObject({ code: 'datum-ongeldig', field: 'deadline' });
  });
});

describe('checkProgressUpdate', () => {
  it('needs a text and a date not after today', () => {
    expect(checkProgressUpdate({ date: '2022-08-10', text: ' Twee locaties gevonden ' }, '2022-08-12')).toEqual({ date: '2022-08-10', text: 'Twee locaties gevonden' });
    expect(caught(() => checkProgressUpdate({ date: '2022-08-13', text: 'x' }, '2022-08-12'))).toMatchObject({ code: 'voortgang-ongeldig', field: 'date' });
    expect(caught(() => checkProgressUpdate({ date: '2022-08-12', text: ' ' }, '2022-08-12'))).toMatchObject({ code: 'tekst-ontbreekt', field: 'text' });
  });
});

describe('filterActions', () => {
  const today = '2022-08-15';
  const list: (FilterableAction & { id: number })[] = [
    { id: 1, programme: 'UFA', measure: 8, holderOrganisation: 'Provincie Noord-Holland', holderPerson: 'J. Jansen', province: 'PV27', status: 'loopt', deadline: '2022-08-01' },
    { id: 2, programme: 'UFA', measure: 9, holderOrganisation: 'COA', holderPerson: null, province: null, status: 'open', deadline: '2022-09-01' },
    { id: 3, programme: 'UFA', measure: 8, holderOrganisation: 'Provincie Groningen', province: 'PV20', status: 'gereed', deadline: '2022-07-01' },
    { id: 4, programme: 'WONEN', holderOrganisation: 'Gemeente Amsterdam', holderPerson: 'P. de Vries', province: 'PV27', status: 'vertraagd', deadline: '2022-08-14' },
  ];
  const ids = (f: Omit<Parameters<typeof filterActions>[1], 'today'>) => filterActions(list, { ...f, today }).map((a) => a.id);

  it('filters by programme, measure, province and status', () => {
    expect(ids({})).toEqual([1, 2, 3, 4]);
    expect(ids({ programme: 'WONEN' })).toEqual([4]);
    expect(ids({ programme: 'UFA', measure: 8 })).toEqual([1, 3]);
    expect(ids({ province: 'PV27' })).toEqual([1, 4]);
    expect(ids({ status: 'open' })).toEqual([2]);
    expect(ids({ status: ['loopt', 'vertraagd'] })).toEqual([1, 4]);
    expect(ids({ status: [] })).toEqual([1, 2, 3, 4]);
  });

  it('finds the holder by part of the organisation or person, ignoring case', () => {
    expect(ids({ holder: 'provincie' })).toEqual([1, 3]);
    expect(ids({ holder: 'de vries' })).toEqual([4]);
    expect(ids({ holder: '  ' })).toEqual([1, 2, 3, 4]);
  });

  it('filters on overdue either way, and combines criteria', () => {
    expect(ids({ overdue: true })).toEqual([1, 4]);
    expect(ids({ overdue: false })).toEqual([2, 3]);
    expect(ids({ overdue: true, province: 'PV27', holder: 'jansen' })).toEqual([1]);
  });

  it('refuses an unknown status', () => {
    expect(caught(() => ids({ status: 'klaar' as ActionStatus }))).toMatchObject({ code: 'status-onbekend' });
  });
});
