import { describe, expect, it } from 'vitest';
import { isDate } from '../../domain/agenda/dates.ts';
import {
  addedByServer,
  agendaDraft,
  approvingMeetings,
  attendanceDraft,
  attendanceField,
  attendanceProblems,
  attendanceRequest,
  guestDraft,
  meetingField,
  meetingRequest,
  minutesChanged,
  minutesDraft,
  minutesField,
  minutesItems,
  minutesProblems,
  paramPath,
  textDraft,
  type AttendanceDraft,
} from './logic.ts';
import { nl } from './messages.ts';
import type { Body, Meeting, MeetingSummary, MinutesItem, Person } from './types.ts';

const person = (id: number, surname: string, publicOffice = false): Person => ({ id, surname, organisation: 'BZK', publicOffice, displayName: `Dhr. ${surname}` });
const members: Body['members'] = [
  { person: person(1, 'Een', true), role: 'voorzitter', standingSubstituteId: null },
  { person: person(2, 'Twee', true), role: 'lid', standingSubstituteId: null },
  { person: person(3, 'Drie'), role: 'lid', standingSubstituteId: null },
];
const names: Record<number, string> = { 1: 'Dhr. Een', 2: 'Dhr. Twee', 3: 'Dhr. Drie', 9: 'Mw. Negen' };
const nameOf = (id: number) => names[id] ?? String(id);

describe('paramPath', () => {
  it('reads the schema check’s and the rules’ way of naming a field alike', () => {
    expect(paramPath('items.0.documents.1.title')).toEqual(['items', 0, 'documents', 1, 'title']);
    expect(paramPath('items[1].actions[0].deadline')).toEqual(['items', 1, 'actions', 0, 'deadline']);
    expect(paramPath('attendance')).toEqual(['attendance']);
  });
});

describe('new meeting', () => {
  it('sends the rows in their order, trimmed, with empty place and references as null', () => {
    const a = { ...agendaDraft(' Opening '), documents: [{ key: 1, title: ' Brief ', ref: ' ' }] };
    const b = agendaDraft('Voortgang');
    expect(meetingRequest('3', '2022-09-16', '  ', [b, a])).toEqual({
      bodyId: 3,
      date: '2022-09-16',
      place: null,
      items: [
        { title: 'Voortgang', documents: [] },
        { title: 'Opening', documents: [{ title: 'Brief', ref: null }] },
      ],
    });
  });

  it('puts a server complaint on its field', () => {
    expect(meetingField('bodyId')).toBe('meeting-body');
    expect(meetingField('items.1.title')).toBe('meeting-item-1-title');
    expect(meetingField('items.0.documents.2.ref')).toBe('meeting-item-0-doc-2-ref');
    expect(meetingField('items.0.documents.2.title')).toBe('meeting-item-0-doc-2-title');
    expect(meetingField('items')).toBe('meeting-add-item');
    expect(meetingField('iets')).toBeNull();
  });

  it('names the agenda items the server added after the ones asked for', () => {
    const agenda: Meeting['agenda'] = [
      { id: 1, number: 1, title: 'Opening', documents: [] },
      { id: 2, number: 2, title: 'Escalatie: Locatie Zwolle', documents: [] },
    ];
    expect(addedByServer(agenda, 1).map((a) => a.title)).toEqual(['Escalatie: Locatie Zwolle']);
    expect(addedByServer(agenda, 2)).toEqual([]);
  });
});

describe('attendance', () => {
  it('starts from what was recorded; a member nobody recorded is present; recorded non-members are guests', () => {
    const d = attendanceDraft(members, [
      { personId: 2, name: 'Dhr. Twee', organisation: 'BZK', status: 'vervangen', substituteId: 9, substituteName: 'Mw. Negen', note: null },
      { personId: 7, name: 'Dhr. Zeven', organisation: 'VNG', status: 'gast', substituteId: null, substituteName: null, note: 'op uitnodiging' },
    ]);
    expect(d.members).toEqual([
      { personId: 1, status: 'aanwezig', substituteId: '', note: '' },
      { personId: 2, status: 'vervangen', substituteId: '9', note: '' },
      { personId: 3, status: 'aanwezig', substituteId: '', note: '' },
    ]);
    expect(d.guests.map((g) => [g.personId, g.note])).toEqual([['7', 'op uitnodiging']]);
  });

  it('sends members first, then guests; a substitute only with vervangen; one person may replace several members', () => {
    const d: AttendanceDraft = {
      members: [
        { personId: 1, status: 'vervangen', substituteId: '9', note: '' },
        { personId: 2, status: 'vervangen', substituteId: '9', note: ' ook DGVB ' },
        { personId: 3, status: 'afwezig', substituteId: '9', note: '' },
      ],
      guests: [{ ...guestDraft(), personId: '7' }],
    };
    expect(attendanceProblems(d, nameOf, nl.att)).toEqual([]);
    expect(attendanceRequest(d).attendance).toEqual([
      { personId: 1, status: 'vervangen', substituteId: 9, note: null },
      { personId: 2, status: 'vervangen', substituteId: 9, note: 'ook DGVB' },
      { personId: 3, status: 'afwezig', substituteId: null, note: null },
      { personId: 7, status: 'gast', substituteId: null, note: null },
    ]);
  });

  it('checks the rules the server checks, each on its field', () => {
    const d: AttendanceDraft = {
      members: [
        { personId: 1, status: 'vervangen', substituteId: '', note: '' },
        { personId: 2, status: 'vervangen', substituteId: '3', note: '' },
        { personId: 3, status: 'afwezig', substituteId: '', note: '' },
      ],
      guests: [
        { ...guestDraft(), personId: '' },
        { ...guestDraft(), personId: '1' },
      ],
    };
    expect(attendanceProblems(d, nameOf, nl.att)).toEqual([
      { fieldId: 'att-1-substitute', message: 'Kies door wie Dhr. Een is vervangen.' },
      { fieldId: 'att-2-substitute', message: 'Dhr. Drie is zelf afwezig of vervangen en kan Dhr. Twee dus niet vervangen.' },
      { fieldId: 'att-guest-0-person', message: 'Kies wie gast 1 is, of verwijder de gast.' },
      { fieldId: 'att-guest-1-person', message: 'Gast 2 staat al op de presentielijst.' },
    ]);
  });

  it('finds the field of a server complaint by the record’s position', () => {
    const d: AttendanceDraft = { members: [{ personId: 5, status: 'aanwezig', substituteId: '', note: '' }], guests: [{ ...guestDraft(), personId: '7' }] };
    expect(attendanceField(d, 'attendance[0].substituteId')).toBe('att-5-substitute');
    expect(attendanceField(d, 'attendance.0.note')).toBe('att-5-note');
    expect(attendanceField(d, 'attendance[0].status')).toBe('att-5-status');
    expect(attendanceField(d, 'attendance[1].status')).toBe('att-guest-0-person');
    expect(attendanceField(d, 'attendance[1].note')).toBe('att-guest-0-note');
    expect(attendanceField(d, 'attendance[2].status')).toBeNull();
    expect(attendanceField(d, 'attendance')).toBeNull();
  });
});

describe('minutes', () => {
  const items: MinutesItem[] = [
    {
      number: 1,
      title: 'Opening',
      points: ['Welkom.'],
      decisions: [],
      actions: [{ description: 'Brief sturen', holderOrganisation: 'BZK', holderPerson: null, deadline: '2022-10-01', actionId: 12 }],
    },
  ];

  it('round-trips the items; blank points are left out and do not count as a change', () => {
    const d = minutesDraft(items);
    expect(minutesItems(d)).toEqual(items);
    expect(minutesChanged(d, items)).toBe(false);
    const withBlank = [{ ...d[0]!, points: [...d[0]!.points, textDraft('  ')], decisions: [textDraft('')] }];
    expect(minutesChanged(withBlank, items)).toBe(false);
    const edited = [{ ...d[0]!, decisions: [textDraft(' De leden stemmen in. ')] }];
    expect(minutesChanged(edited, items)).toBe(true);
    expect(minutesItems(edited)[0]!.decisions).toEqual(['De leden stemmen in.']);
  });

  it('asks a new action for its description, holder and a real deadline; one in the agenda already is left alone', () => {
    const d = minutesDraft([
      {
        ...items[0]!,
        actions: [
          { description: '', holderOrganisation: '', deadline: '2022-02-30' },
          { description: 'Oud', holderOrganisation: '', deadline: '', actionId: 3 },
        ],
      },
    ]);
    expect(minutesProblems(d, isDate, nl.mins).map((p) => p.fieldId)).toEqual(['min-0-action-0-description', 'min-0-action-0-holderOrganisation', 'min-0-action-0-deadline']);
  });

  it('finds the field of a server complaint, counting only filled points', () => {
    const d = minutesDraft(items);
    d[0]!.points = [textDraft(''), textDraft('Welkom.')];
    expect(minutesField(d, 'items[0].actions[0].deadline')).toBe('min-0-action-0-deadline');
    expect(minutesField(d, 'items.0.actions.0.holderPerson')).toBe('min-0-action-0-holderPerson');
    expect(minutesField(d, 'items.0.points.0')).toBe('min-0-point-1');
    expect(minutesField(d, 'items.3.points.0')).toBeNull();
  });

  it('offers only later meetings of the body for approval, the nearest first', () => {
    const list: MeetingSummary[] = [
      { id: 4, date: '2022-11-11', place: null, body: { code: 'LRT', name: 'LRT' }, minutesStatus: null },
      { id: 3, date: '2022-10-14', place: null, body: { code: 'LRT', name: 'LRT' }, minutesStatus: null },
      { id: 2, date: '2022-09-16', place: null, body: { code: 'LRT', name: 'LRT' }, minutesStatus: 'verstuurd' },
      { id: 1, date: '2022-08-26', place: null, body: { code: 'LRT', name: 'LRT' }, minutesStatus: 'vastgesteld' },
    ];
    expect(approvingMeetings(list, { id: 2, date: '2022-09-16' }).map((x) => x.id)).toEqual([3, 4]);
  });
});
