import { describe, expect, it } from 'vitest';
import {
  MINUTES_STATUSES,
  approvalLine,
  canEdit,
  checkApproval,
  checkEditable,
  checkMinutesItems,
  checkMinutesTransition,
  dutchDate,
  minutesTextFields,
  nextVersion,
  withTextFields,
  type MinutesItem,
  type MinutesStatus,
} from './minutes.ts';
import { caught } from './test-helpers.ts';

describe('status transitions', () => {
  it('allows only the next step forward', () => {
    const allowed: string[] = [];
    for (const from of MINUTES_STATUSES) {
      for (const to of MINUTES_STATUSES) {
        try {
          checkMinutesTransition(from, to);
          allowed.push(`${from}>${to}`);
        } catch {
          /* refused */
        }
      }
    }
    expect(allowed).toEqual(['concept>verstuurd', 'verstuurd>vastgesteld']);
  });

  it('explains why in Dutch, naming the field', () => {
    expect(caught(() => checkMinutesTransition('vastgesteld', 'concept'))).toMatchObject({ code: 'statusovergang-ongeldig', field: 'status', message: expect.stringContaining('nieuwe versie') });
    expect(caught(() => checkMinutesTransition('concept', 'vastgesteld')).message).toContain('eerst aan de leden verstuurd');
    expect(caught(() => checkMinutesTransition('concept', 'klaar' as MinutesStatus))).toMatchObject({ code: 'status-onbekend' });
  });

  it('lets concept and sent minutes be edited, approved minutes never', () => {
    expect(canEdit('concept')).toBe(true);
    expect(canEdit('verstuurd')).toBe(true);
    expect(canEdit('vastgesteld')).toBe(false);
    expect(caught(() => checkEditable('vastgesteld'))).toMatchObject({ code: 'notulen-vastgesteld' });
  });
});

describe('checkApproval', () => {
  it('needs a later meeting', () => {
    expect(() => checkApproval({ minutesMeetingDate: '2022-06-15', approvingMeetingDate: '2022-07-08' })).not.toThrow();
    expect(caught(() => checkApproval({ minutesMeetingDate: '2022-07-08', approvingMeetingDate: '2022-07-08' }))).toMatchObject({ code: 'vaststelling-te-vroeg', field: 'approvingMeetingDate' });
    expect(caught(() => checkApproval({ minutesMeetingDate: '2022-07-08', approvingMeetingDate: '2022-06-15' })).message).toContain('15 juni 2022');
  });

  it('checks the dates and, when given, that the minutes were sent', () => {
    expect(caught(() => checkApproval({ minutesMeetingDate: '2022-02-30', approvingMeetingDate: '2022-07-08' }))).toMatchObject({ code: 'datum-ongeldig', field: 'minutesMeetingDate' });
    expect(caught(() => checkApproval({ minutesMeetingDate: '2022-06-15', approvingMeetingDate: '2022-07-08', status: 'concept' }))).toMatchObject({ code: 'statusovergang-ongeldig' });
    expect(() => checkApproval({ minutesMeetingDate: '2022-06-15', approvingMeetingDate: '2022-07-08', status: 'verstuurd' })).not.toThrow();
  });
});

describe('approvalLine', () => {
  it('reads as in the seed, without the year', () => {
    expect(approvalLine('2022-06-15')).toBe('Het verslag van 15 juni is vastgesteld.');
    expect(approvalLine('2022-06-15', '2022-07-08')).toBe('Het verslag van 15 juni is vastgesteld.');
  });

  it('adds the year when the approving meeting is in another year', () => {
    expect(approvalLine('2022-12-14', '2023-01-18')).toBe('Het verslag van 14 december 2022 is vastgesteld.');
    expect(approvalLine('2022-06-01', '2022-06-29', { withChanges: true })).toBe('Het verslag van 1 juni is met inachtneming van de wijzigingen vastgesteld.');
  });

  it('writes Dutch dates', () => {
    expect(dutchDate('2022-07-08')).toBe('8 juli 2022');
    expect(dutchDate('2022-03-01', { year: false })).toBe('1 maart');
    expect(caught(() => approvalLine('15 juni'))).toMatchObject({ code: 'datum-ongeldig' });
  });
});

describe('nextVersion', () => {
  it('numbers a correction one higher than the approved version', () => {
    expect(nextVersion([])).toBe(1);
    expect(nextVersion([{ version: 1, status: 'vastgesteld' }])).toBe(2);
    expect(nextVersion([{ version: 2, status: 'vastgesteld' }, { version: 1, status: 'vastgesteld' }])).toBe(3);
  });

  it('refuses a new version while the latest is still open', () => {
    expect(caught(() => nextVersion([{ version: 1, status: 'vastgesteld' }, { version: 2, status: 'verstuurd' }]))).toMatchObject({ code: 'notulen-niet-vastgesteld', field: 'version' });
    expect(caught(() => nextVersion([{ version: 0, status: 'vastgesteld' }]))).toMatchObject({ code: 'versie-ongeldig' });
  });
});

const items: MinutesItem[] = [
  { number: 1, title: ' Opening ', points: [' Dhr. Jansen meldt zich af. '], decisions: ['Het verslag van 15 juni is vastgesteld.'], actions: [] },
  { number: 2, title: 'Brief', points: [], decisions: [], actions: [{ description: 'Brief sturen', holderOrganisation: 'JenV', holderPerson: ' Mw. A. de Vries ', deadline: '2022-07-15' }] },
];

describe('checkMinutesItems', () => {
  it('trims texts and keeps the structure', () => {
    const out = checkMinutesItems(items);
    expect(out[0]!.title).toBe('Opening');
    expect(out[0]!.points).toEqual(['Dhr. Jansen meldt zich af.']);
    expect(out[1]!.actions[0]!.holderPerson).toBe('Mw. A. de Vries');
  });

  it('names the field that is wrong', () => {
    expect(caught(() => checkMinutesItems([items[0]!, { ...items[1]!, actions: [{ ...items[1]!.actions[0]!, deadline: '15 juli' }] }]))).toMatchObject({ code: 'datum-ongeldig', field: 'items[1].actions[0].deadline' });
    expect(caught(() => checkMinutesItems([{ ...items[0]!, points: ['a', ' '] }]))).toMatchObject({ code: 'tekst-ontbreekt', field: 'items[0].points[1]' });
    expect(caught(() => checkMinutesItems([items[1]!, items[0]!]))).toMatchObject({ code: 'agendapunt-dubbel', field: 'items[1].number' });
    expect(caught(() => checkMinutesItems([{ ...items[0]!, number: 0 }]))).toMatchObject({ code: 'agendapunt-ongeldig', field: 'items[0].number' });
    expect(caught(() => checkMinutesItems([{ ...items[1]!, actions: [{ ...items[1]!.actions[0]!, holderOrganisation: '' }] }]))).toMatchObject({ field: 'items[0].actions[0].holderOrganisation' });
  });
});

describe('text fields', () => {
  it('flattens the free texts and puts redacted texts back', () => {
    const fields = minutesTextFields(items);
    expect(Object.keys(fields)).toEqual(['items[0].title', 'items[0].points[0]', 'items[0].decisions[0]', 'items[1].title', 'items[1].actions[0].description', 'items[1].actions[0].holderPerson']);
    const back = withTextFields(items, { 'items[0].points[0]': '[5.1.2e] meldt zich af.', 'items[1].actions[0].holderPerson': '[5.1.2e]' });
    expect(back[0]!.points).toEqual(['[5.1.2e] meldt zich af.']);
    expect(back[1]!.actions[0]).toEqual({ ...items[1]!.actions[0], holderPerson: '[5.1.2e]' });
    expect(back[0]!.title).toBe(items[0]!.title);
    expect(withTextFields(items, fields)).toEqual(items);
  });
});
