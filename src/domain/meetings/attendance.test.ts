import { describe, expect, it } from 'vitest';
import { attendanceText, checkAttendance, type AttendanceRecord } from './attendance.ts';
import type { Person } from './people.ts';
import { caught } from './test-helpers.ts';

const members = [1, 2, 3, 4];
const all = (overrides: Record<number, Partial<AttendanceRecord>> = {}): AttendanceRecord[] =>
  members.map((id) => ({ personId: id, status: 'aanwezig', ...overrides[id] }) as AttendanceRecord);

describe('checkAttendance', () => {
  it('summarises present, absent and replaced members', () => {
    const s = checkAttendance(members, all({ 2: { status: 'afwezig' }, 3: { status: 'vervangen', substituteId: 9 } }));
    expect(s.present).toEqual([1, 4]);
    expect(s.absent).toEqual([2]);
    expect(s.replaced).toEqual([3]);
    expect(s.substitutions).toEqual([{ substitute: { personId: 9 }, members: [3] }]);
    expect(s.guests).toEqual([]);
  });

  it('lets one person replace several members at once (the seed: DGRVB also replaces DGVB)', () => {
    const s = checkAttendance(members, all({ 2: { status: 'vervangen', substituteId: 9 }, 4: { status: 'vervangen', substituteId: 9 } }));
    expect(s.substitutions).toEqual([{ substitute: { personId: 9 }, members: [2, 4] }]);
  });

  it('lets a present member stand in for an absent one (the seed: mw. Lamers for dhr. Van Rijn)', () => {
    expect(checkAttendance(members, all({ 2: { status: 'vervangen', substituteId: 1 } })).substitutions).toEqual([{ substitute: { personId: 1 }, members: [2] }]);
  });

  it('accepts a free-text substitute with organisation and groups the same one', () => {
    const sub = { name: 'Dhr. K. Smit', organisation: 'IPO' };
    const s = checkAttendance(members, all({ 2: { status: 'vervangen', substitute: sub }, 3: { status: 'vervangen', substitute: { name: 'dhr. k. smit ', organisation: 'ipo' } } }));
    expect(s.substitutions).toEqual([{ substitute: sub, members: [2, 3] }]);
  });

  it('needs a substitute for a replaced member, naming the field', () => {
    expect(caught(() => checkAttendance(members, all({ 4: { status: 'vervangen' } })))).toMatchObject({ code: 'vervanger-ontbreekt', field: 'attendance[3].substitute' });
    expect(caught(() => checkAttendance(members, all({ 4: { status: 'vervangen', substituteId: null, substitute: null } })))).toMatchObject({ code: 'vervanger-ontbreekt' });
    expect(caught(() => checkAttendance(members, all({ 2: { status: 'vervangen', substitute: { name: 'X', organisation: ' ' } } })))).toMatchObject({ code: 'vervanger-onvolledig', field: 'attendance[1].substitute.organisation' });
    expect(caught(() => checkAttendance(members, all({ 2: { status: 'vervangen', substituteId: 9, substitute: { name: 'X', organisation: 'Y' } } })))).toMatchObject({ code: 'vervanger-dubbel', field: 'attendance[1].substitute' });
  });

  it('refuses a substitute on a member who is not replaced', () => {
    expect(caught(() => checkAttendance(members, all({ 2: { status: 'afwezig', substituteId: 9 } })))).toMatchObject({ code: 'vervanger-onverwacht', field: 'attendance[1].substituteId' });
  });

  it('refuses a member replacing himself, and a substitute who is absent or replaced himself', () => {
    expect(caught(() => checkAttendance(members, all({ 2: { status: 'vervangen', substituteId: 2 } })))).toMatchObject({ code: 'vervanger-zelf', field: 'attendance[1].substituteId' });
    // The substitute's own record comes after the record that names him.
    expect(caught(() => checkAttendance(members, all({ 1: { status: 'vervangen', substituteId: 3 }, 3: { status: 'afwezig' } })))).toMatchObject({ code: 'vervanger-afwezig', field: 'attendance[0].substituteId' });
    expect(caught(() => checkAttendance(members, all({ 1: { status: 'vervangen', substituteId: 3 }, 3: { status: 'vervangen', substituteId: 9 } })))).toMatchObject({ code: 'vervanger-afwezig' });
  });

  it('lists each person once and every member', () => {
    expect(caught(() => checkAttendance(members, [...all(), { personId: 3, status: 'afwezig' }]))).toMatchObject({ code: 'persoon-dubbel', field: 'attendance[4].personId' });
    expect(caught(() => checkAttendance(members, all().slice(0, 3)))).toMatchObject({ code: 'lid-ontbreekt', field: 'attendance' });
    expect(checkAttendance(members, all().slice(0, 3), { complete: false }).present).toEqual([1, 2, 3]);
    // '1' and 1 are different ids: the register's type is kept.
    expect(caught(() => checkAttendance(members, [...all().slice(1), { personId: '1', status: 'aanwezig' }]))).toMatchObject({ code: 'geen-lid' });
  });

  it('keeps guests apart from members', () => {
    const s = checkAttendance(members, [...all(), { personId: 7, status: 'gast' }], { guests: [{ personId: 8 }, { name: ' Mw. P. Kok ', organisation: 'Rode Kruis' }] });
    expect(s.guests).toEqual([{ personId: 7 }, { personId: 8 }, { name: 'Mw. P. Kok', organisation: 'Rode Kruis' }]);
    expect(s.present).toEqual([1, 2, 3, 4]);
    expect(caught(() => checkAttendance(members, all({ 2: { status: 'gast' } })))).toMatchObject({ code: 'lid-als-gast', field: 'attendance[1].status' });
    expect(caught(() => checkAttendance(members, [...all(), { personId: 7, status: 'aanwezig' }]))).toMatchObject({ code: 'geen-lid', field: 'attendance[4].status' });
    expect(caught(() => checkAttendance(members, all(), { guests: [{ personId: 2 }] }))).toMatchObject({ code: 'lid-als-gast', field: 'guests[0].personId' });
    expect(caught(() => checkAttendance(members, [...all(), { personId: 7, status: 'gast' }], { guests: [{ personId: 7 }] }))).toMatchObject({ code: 'persoon-dubbel', field: 'guests[0].personId' });
    expect(caught(() => checkAttendance(members, all(), { guests: [{ name: 'X' }] }))).toMatchObject({ code: 'gast-onvolledig', field: 'guests[0].organisation' });
  });

  it('refuses an unknown status', () => {
    expect(caught(() => checkAttendance(members, all({ 3: { status: 'ziek' as AttendanceRecord['status'] } })))).toMatchObject({ code: 'status-onbekend', field: 'attendance[2].status' });
  });
});

describe('attendanceText', () => {
  const people: Person[] = [
    { id: 1, title: 'Mw.', surname: 'Bruins Slot', organisation: 'BZK', label: 'MBZK', publicOffice: true },
    { id: 2, title: 'Dhr.', tussenvoegsel: 'de', surname: 'Jonge', organisation: 'BZK', label: 'MVRO', publicOffice: true },
    { id: 3, title: 'Dhr.', surname: 'Mulder', organisation: 'BZK', label: 'DGVB', publicOffice: false },
    { id: 4, title: 'Mevr.', surname: 'Lamers', organisation: 'Aedes', publicOffice: true },
    { id: 9, title: 'Mw.', tussenvoegsel: 'van den', surname: 'Berg', organisation: 'BZK', label: 'DGRVB', publicOffice: false },
  ];

  it('prints who was there (substitutes once), and who replaced whom', () => {
    const s = checkAttendance([1, 2, 3, 4], [
      { personId: 1, status: 'aanwezig' },
      { personId: 2, status: 'vervangen', substituteId: 9 },
      { personId: 3, status: 'vervangen', substituteId: 9 },
      { personId: 4, status: 'aanwezig' },
    ]);
    expect(attendanceText(people, s)).toEqual({
      present: 'Mw. Bruins Slot (MBZK), Mevr. Lamers (Aedes), Mw. Van den Berg (DGRVB)',
      absent: '',
      replacements: ['Dhr. De Jonge (MVRO) en Dhr. Mulder (DGVB) worden vervangen door Mw. Van den Berg (DGRVB).'],
      guests: '',
    });
  });
});
