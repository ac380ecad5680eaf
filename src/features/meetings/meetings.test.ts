import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testApp } from '../../../test/helpers/server.ts';
import { DEMO, login } from '../../../test/helpers/auth.ts';
import { pdfText } from '../../../test/helpers/pdf-text.ts';
import { createScheduler } from '../../platform/jobs/scheduler.ts';
import { escalationJob } from '../agenda/escalation.ts';
import { DEMO_CIVIL_SERVANTS, DEMO_PUBLIC_PEOPLE, nameVariants } from '../../domain/meetings/index.ts';
import * as service from './service.ts';
import * as woo from './woo.ts';

describe('meetings, minutes and Woo publication (demo: the LRT of 8 July 2022)', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  const as: Record<string, Record<string, string>> = {};
  beforeAll(async () => {
    t = await testApp({ demo: true });
    for (const role of ['secretariaat', 'lid'] as const) {
      const s = await login(t.app, DEMO[role]);
      as[role] = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    }
  });
  afterAll(async () => t?.close());
  const get = (url: string, who?: string) => t.app.inject({ url, headers: who ? as[who] : {} });
  const send = (method: 'POST' | 'PUT', url: string, payload: unknown, headers: Record<string, string> = {}, who = 'secretariaat') =>
    t.app.inject({ method, url, headers: { ...as[who], ...headers }, payload: payload as object });

  it('publishes the minutes without any civil servant’s name, in HTML, PDF and metadata; office holders stay readable', async () => {
    const list = (await get('/api/v1/woo/publications')).json().items;
    expect(list).toHaveLength(1);
    const id = list[0].id;
    const html = (await get(`/api/v1/woo/publications/${id}?format=html`)).body;
    const pdf = pdfText((await get(`/api/v1/woo/publications/${id}?format=pdf`)).rawPayload);
    const meta = JSON.stringify((await get(`/api/v1/woo/publications/${id}`)).json());
    for (const text of [html, pdf, meta]) {
      for (const p of DEMO_CIVIL_SERVANTS) for (const v of nameVariants(p)) expect(text, `${v} leaked`).not.toContain(v);
    }
    for (const text of [html, pdf]) {
      expect(text).toContain('5.1.2e');
      for (const surname of ['Bruins Slot', 'Van der Burg', 'Klijnsma', 'Weterings']) expect(text).toContain(surname);
    }
    expect(DEMO_PUBLIC_PEOPLE.length).toBeGreaterThan(5);
    expect(html).toContain('Het verslag van 15 juni');
  });

  it('keeps the published version when the source changes, and refuses to change it in the database', async () => {
    const [p] = (await get('/api/v1/woo/publications')).json().items;
    const before = (await get(`/api/v1/woo/publications/${p.id}?format=html`)).body;
    const minutesId = (await t.database.db.selectFrom('woo_publication').select('minutes_id').where('id', '=', p.id).executeTakeFirstOrThrow()).minutes_id;
    // Approved minutes do not change: a correction is a new version.
    const m = (await get(`/api/v1/minutes/${minutesId}`, 'secretariaat')).json();
    expect((await send('PUT', `/api/v1/minutes/${minutesId}`, { items: m.items }, { 'if-match': `"${m.rowVersion}"` })).statusCode).toBe(409);
    const correction = await send('POST', `/api/v1/meetings/${m.meetingId}/minutes`, {});
    expect(correction.statusCode).toBe(201);
    const v2 = correction.json();
    v2.items[0].points.push('Correctie: Mw. A. de Vries (DGM) was ook aanwezig.');
    expect((await send('PUT', `/api/v1/minutes/${v2.id}`, { items: v2.items }, { 'if-match': `"${v2.rowVersion}"` })).statusCode).toBe(200);
    expect((await get(`/api/v1/woo/publications/${p.id}?format=html`)).body).toBe(before);
    const direct = await sql`update woo_publication set html = 'x' where id = ${p.id}`.execute(t.database.db).catch((e: unknown) => e);
    expect(direct).toBeInstanceOf(Error);
    const approvedEdit = await sql`update minutes set items = '[]' where id = ${minutesId}`.execute(t.database.db).catch((e: unknown) => e);
    expect(approvedEdit).toBeInstanceOf(Error);
  });

  it('runs a meeting from agenda to publication: substitutions, actions into the agenda, approval later, review, publication', async () => {
    const lrt = (await get('/api/v1/bodies', 'lid')).json().items.find((b: { code: string }) => b.code === 'LRT');
    const members = lrt.members.map((m: { person: { id: number } }) => m.person.id);
    const meeting = (await send('POST', '/api/v1/meetings', { bodyId: lrt.id, date: '2022-09-20', place: 'Den Haag', items: [{ title: 'Opening' }, { title: 'Voortgang' }] })).json();
    expect(meeting.agenda.slice(0, 2).map((a: { number: number }) => a.number)).toEqual([1, 2]);
    // One person replaces two members at once; a member cannot stand in while absent.
    const [a, b, c, ...rest] = members;
    const attendance = [
      { personId: a, status: 'vervangen', substituteId: c },
      { personId: b, status: 'vervangen', substituteId: c },
      { personId: c, status: 'aanwezig' },
      ...rest.map((id: number) => ({ personId: id, status: 'aanwezig' })),
    ];
    expect((await send('PUT', `/api/v1/meetings/${meeting.id}/attendance`, { attendance })).statusCode).toBe(200);
    const bad = await send('PUT', `/api/v1/meetings/${meeting.id}/attendance`, { attendance: [{ ...attendance[0], substituteId: b }, attendance[1], ...attendance.slice(2)] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams[0].name).toMatch(/^attendance/);

    const minutes = (await send('POST', `/api/v1/meetings/${meeting.id}/minutes`, {})).json();
    minutes.items[1].points.push('Dhr. B. Jansen (DGSZI) licht de stand toe.');
    minutes.items[1].decisions.push('De leden stemmen in met de aanpak.');
    minutes.items[1].actions.push({ description: 'Notitie over flexwoningen verspreiden', holderOrganisation: 'BZK', deadline: '2030-10-01' });
    const saved = (await send('PUT', `/api/v1/minutes/${minutes.id}`, { items: minutes.items }, { 'if-match': `"${minutes.rowVersion}"` })).json();
    const sent = (await send('POST', `/api/v1/minutes/${minutes.id}/send`, {}, { 'if-match': `"${saved.rowVersion}"` })).json();
    const actionId = sent.items[1].actions[0].actionId;
    const action = (await get(`/api/v1/actions/${actionId}`, 'lid')).json();
    expect(action).toMatchObject({ description: 'Notitie over flexwoningen verspreiden', deadline: '2030-10-01' });

    const earlier = (await get('/api/v1/meetings', 'lid')).json().items.find((x: { date: string }) => x.date === '2022-07-08');
    const tooEarly = await send('POST', `/api/v1/minutes/${minutes.id}/approve`, { meetingId: earlier.id }, { 'if-match': `"${sent.rowVersion}"` });
    expect(tooEarly.statusCode).toBe(400);
    const later = (await send('POST', '/api/v1/meetings', { bodyId: lrt.id, date: '2022-10-18', items: [{ title: 'Opening' }] })).json();
    const approved = await send('POST', `/api/v1/minutes/${minutes.id}/approve`, { meetingId: later.id }, { 'if-match': `"${sent.rowVersion}"` });
    expect(approved.json().status).toBe('vastgesteld');
    expect((await get(`/api/v1/meetings/${later.id}`, 'lid')).json().approvals[0].line).toMatch(/^Het verslag van 20 september/);

    const proposals = (await get(`/api/v1/minutes/${minutes.id}/woo/proposals`, 'secretariaat')).json().items;
    expect(proposals.some((p: { text: string }) => p.text.includes('Jansen'))).toBe(true);
    expect((await get(`/api/v1/minutes/${minutes.id}/woo/proposals`, 'lid')).statusCode).toBe(403);
    // Leaving a proposal undecided is refused; rejecting a known civil servant's name makes publication refuse.
    expect((await send('POST', `/api/v1/minutes/${minutes.id}/woo/reviews`, { decisions: [], manual: [] })).statusCode).toBe(400);
    const rejectAll = (await send('POST', `/api/v1/minutes/${minutes.id}/woo/reviews`, { decisions: proposals.map((p: { key: string }) => ({ key: p.key, accept: false })), manual: [] })).json();
    const refused = await send('POST', `/api/v1/minutes/${minutes.id}/woo/publications`, { reviewId: rejectAll.reviewId });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('naam-leesbaar');
    const acceptAll = (await send('POST', `/api/v1/minutes/${minutes.id}/woo/reviews`, { decisions: proposals.map((p: { key: string }) => ({ key: p.key, accept: true })), manual: [] })).json();
    const published = await send('POST', `/api/v1/minutes/${minutes.id}/woo/publications`, { reviewId: acceptAll.reviewId });
    expect(published.statusCode).toBe(201);
    const html = (await get(`/api/v1/woo/publications/${published.json().id}?format=html`)).body;
    expect(html).not.toContain('Jansen');
    expect(html).toContain('De leden stemmen in met de aanpak.');
    const reviews = await t.database.db.selectFrom('audit_log').select('id').where('resource_type', '=', 'woo-beoordeling').execute();
    expect(reviews.length).toBeGreaterThanOrEqual(3);
  });

  it('puts actions escalated to the LRT on the agenda of the next LRT meeting, once', async () => {
    await createScheduler(t.database.db, [escalationJob({ mail: false })], { clock: () => new Date('2022-12-01T10:00:00Z') }).runNow('escalatie');
    const open = await t.database.db.selectFrom('lrt_agenda_proposal').select(['id', 'title']).where('meeting_id', 'is', null).execute();
    expect(open.length).toBeGreaterThan(0);
    const lrt = (await get('/api/v1/bodies', 'lid')).json().items.find((b: { code: string }) => b.code === 'LRT');
    const next = (await send('POST', '/api/v1/meetings', { bodyId: lrt.id, date: '2022-12-15', items: [{ title: 'Opening en mededelingen' }] })).json();
    expect(next.agenda.map((a: { title: string }) => a.title)).toEqual(['Opening en mededelingen', ...open.map((p) => `Escalatie: ${p.title}`)]);
    const after = (await send('POST', '/api/v1/meetings', { bodyId: lrt.id, date: '2023-01-15', items: [{ title: 'Opening' }] })).json();
    expect(after.agenda).toHaveLength(1);
  });
  it('gives the agenda and the attendance list as HTML and PDF, to members only', async () => {
    const meetingId = (await t.database.db.selectFrom('meeting').select('id').where('meets_on', '=', '2022-07-08').executeTakeFirstOrThrow()).id;
    const m = await service.getMeeting(t.database.db, meetingId);
    const agenda = await get(`/api/v1/meetings/${meetingId}/document?kind=agenda`, 'lid');
    expect(agenda.statusCode).toBe(200);
    expect(agenda.headers['content-type']).toMatch(/^text\/html/);
    for (const item of m.agenda) expect(agenda.body).toContain(`${item.number}. ${item.title.replace(/&/g, '&amp;')}`);
    const pdf = pdfText((await get(`/api/v1/meetings/${meetingId}/document?kind=agenda&format=pdf`, 'lid')).rawPayload);
    expect(pdf).toContain(`1. ${m.agenda[0]!.title}`);
    // One person replacing several members shows on each of their lines.
    const list = (await get(`/api/v1/meetings/${meetingId}/document?kind=presentielijst`, 'lid')).body;
    const replaced = m.attendance.filter((a) => a.status === 'vervangen');
    expect(replaced.length).toBeGreaterThan(1);
    for (const a of replaced) expect(list).toContain(`vervangen door ${a.substituteName}`);
    expect(list.match(/<li>/g)).toHaveLength(m.attendance.length);
    expect((await get(`/api/v1/meetings/${meetingId}/document?kind=presentielijst`)).statusCode).toBe(401);
    expect((await get(`/api/v1/meetings/${meetingId}/document?kind=notulen`, 'lid')).statusCode).toBe(400);
    expect((await get('/api/v1/meetings/999999/document?kind=agenda', 'lid')).statusCode).toBe(404);
  });

  it('answers exactly what the services compute: the typed response schemas drop no field', async () => {
    const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
    const db = t.database.db;
    expect((await get('/api/v1/bodies', 'lid')).json().items).toEqual(plain(await service.listBodies(db)));
    expect((await get('/api/v1/people', 'lid')).json().items).toEqual(plain(await service.listPeople(db)));
    const meetings = (await get('/api/v1/meetings', 'lid')).json().items as { id: number }[];
    expect(meetings).toEqual(plain(await service.listMeetings(db)));
    for (const m of meetings) expect((await get(`/api/v1/meetings/${m.id}`, 'lid')).json()).toEqual(plain(await service.getMeeting(db, m.id)));
    const minutes = await db.selectFrom('minutes').select('id').execute();
    expect(minutes.length).toBeGreaterThan(0);
    for (const { id } of minutes) {
      expect((await get(`/api/v1/minutes/${id}`, 'lid')).json()).toEqual(plain(await service.getMinutes(db, id)));
      expect((await get(`/api/v1/minutes/${id}/woo/proposals`, 'secretariaat')).json()).toEqual(plain(await woo.proposals(db, id)));
    }
    expect((await get('/api/v1/woo/publications')).json().items).toEqual(plain(await woo.listPublications(db)));
  });
});
