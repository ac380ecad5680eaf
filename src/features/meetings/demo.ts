import type { DemoStep } from '../demo/seed.ts';
import { systemActor } from '../audit/audit.ts';
import {
  DEMO_AGENDA,
  DEMO_ATTENDANCE,
  DEMO_MEETING_DATE,
  DEMO_MEMBERS,
  DEMO_MINUTES_ITEMS,
  DEMO_PEOPLE,
  DEMO_PREVIOUS_MEETING_DATE,
  standardBodies,
} from '../../domain/meetings/index.ts';
import { approveMinutes, createMeeting, createMinutes, createPerson, recordAttendance, sendMinutes, type MinutesItem } from './service.ts';
import { proposals, publish, review } from './woo.ts';

const actor = systemActor('demodata');

/**
 * The seed meeting as data: the LRT and its members (the public office holders the seed names, and invented civil
 * servants), the meeting of 8 July 2022 with its attendance and substitutions, minutes per agenda item with
 * decisions and actions, approved at the next LRT (26 August 2022), and published under the Woo with every civil
 * servant's name replaced by 5.1.2e — the pattern of the seed.
 */
export const meetingsDemoStep: DemoStep = {
  name: 'lrt-8-juli-2022',
  async run(db) {
    for (const b of standardBodies()) await db.insertInto('body').values({ code: b.code, name: b.name, kind: b.kind, province_code: b.provinceCode }).execute();
    const lrt = await db.selectFrom('body').select('id').where('code', '=', 'LRT').executeTakeFirstOrThrow();
    const ids = new Map<string | number, number>();
    for (const p of DEMO_PEOPLE) {
      const created = await createPerson(db, actor, {
        title: p.title ?? null,
        givenName: p.givenName ?? null,
        initials: p.initials ?? null,
        tussenvoegsel: p.tussenvoegsel ?? null,
        surname: p.surname,
        // The seat as the minutes name it (DGM, MBZK) is what the register keeps as organisation here.
        organisation: p.label ?? p.organisation,
        function: p.function ?? null,
        publicOffice: p.publicOffice,
      });
      ids.set(p.id, Number(created.id));
    }
    const id = (pid: string | number) => ids.get(pid)!;
    await db
      .insertInto('body_member')
      .values(DEMO_MEMBERS.map((m) => ({ body_id: lrt.id, person_id: id(m.personId), role: m.role, standing_substitute_id: m.standingSubstituteId ? id(m.standingSubstituteId) : null })))
      .execute();

    const previous = await createMeeting(db, actor, { bodyId: lrt.id, date: DEMO_PREVIOUS_MEETING_DATE, place: 'Den Haag', items: [{ title: 'Opening en mededelingen' }, { title: 'Voortgang asielopgave' }] });
    const prevMinutes = await createMinutes(db, actor, previous.id);
    const sentPrev = await sendMinutes(db, actor, prevMinutes.id, prevMinutes.rowVersion, DEMO_PREVIOUS_MEETING_DATE);

    const meeting = await createMeeting(db, actor, {
      bodyId: lrt.id,
      date: DEMO_MEETING_DATE,
      place: 'Den Haag',
      items: DEMO_AGENDA.map((a) => ({ title: a.title, documents: (a.documents ?? []).map((d) => ({ title: d.title, ref: d.ref ?? null })) })),
    });
    await recordAttendance(
      db,
      actor,
      meeting.id,
      DEMO_ATTENDANCE.map((r) => ({ personId: id(r.personId), status: r.status, substituteId: r.substituteId ? id(r.substituteId) : null, note: r.note ?? null })),
    );
    await approveMinutes(db, actor, sentPrev.id, sentPrev.rowVersion, meeting.id);
    const minutes = await createMinutes(db, actor, meeting.id, DEMO_MINUTES_ITEMS.map((i) => ({ ...i, actions: i.actions.map((a) => ({ ...a })) })) as MinutesItem[]);
    const sent = await sendMinutes(db, actor, minutes.id, minutes.rowVersion, DEMO_MEETING_DATE);

    const next = await createMeeting(db, actor, { bodyId: lrt.id, date: '2022-08-26', place: 'Den Haag', items: [{ title: 'Opening en mededelingen' }] });
    await approveMinutes(db, actor, sent.id, sent.rowVersion, next.id);
    const p = await proposals(db, sent.id);
    const r = await review(db, actor, sent.id, { decisions: p.items.map((x) => ({ key: x.key, accept: true })), manual: [] });
    await publish(db, actor, sent.id, r.reviewId, '2022-09-15');
  },
};
