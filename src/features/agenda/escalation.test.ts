import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { testDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { openDatabase, type Database } from '../../platform/db/database.ts';
import { createScheduler } from '../../platform/jobs/scheduler.ts';
import { backoffMs, mailJob, smtpTransport } from '../../platform/mail/outbox.ts';
import { systemActor } from '../audit/audit.ts';
import { createUser } from '../auth/service.ts';
import { createAction, createProgramme, updateAction } from './actions.ts';
import { escalationJob, inbox } from './escalation.ts';
import { addDays } from './dates.ts';

const actor = systemActor('test');
/** Noon in Amsterdam on a day: the ladder reads days in Dutch time. */
const noon = (day: string) => new Date(`${day}T10:00:00Z`);

describe('escalation ladder as scheduled work', () => {
  let database: TestDatabase;
  let second: Database;
  let measureId: number;
  let holderId: number;

  beforeAll(async () => {
    database = await testDatabase();
    // A second "server instance": its own connection pool on the same database and schema.
    second = await openDatabase({
      databaseUrl: process.env.DATABASE_URL || undefined,
      dataDir: 'memory://',
      schema: database.schema,
      pglite: process.env.DATABASE_URL ? undefined : await (globalThis as unknown as { __regietafelPGlite: Promise<import('@electric-sql/pglite').PGlite> }).__regietafelPGlite,
    });
    const programme = await createProgramme(database.db, actor, { code: 'UFA', name: 'Uitvoeringsagenda', owner: 'JenV', measures: [{ number: 8, title: 'Flexibele opvang' }] });
    measureId = programme.measures[0]!.id;
    holderId = (await createUser(database.db, actor, { email: 'houder@x.nl', name: 'Houder', organisation: 'Provincie X', roles: [{ role: 'provincie', scope: 'PV27' }] })).user.id;
  });
  afterAll(async () => {
    await second?.close();
    await database?.close();
  });

  const fires = async (id: number) =>
    database.db.selectFrom('escalation_fire').select(['level', 'kind', 'deadline', 'due_on', 'fired_at']).where('subject_type', '=', 'actie').where('subject_id', '=', String(id)).orderBy('level').orderBy('id').execute();

  it('climbs the ladder at the configured days, each step once, with two instances running and across a restart', async () => {
    const action = await createAction(database.db, actor, { measureId, description: 'Locaties inventariseren', holderOrganisation: 'Provincie Noord-Holland', holderEmail: 'houder@x.nl', provinceCode: 'PV27', deadline: '2022-08-01' });
    let clock = noon('2022-07-25');
    const jobs = [escalationJob({ mail: false })];
    const a = createScheduler(database.db, jobs, { clock: () => clock, instance: 'A' });
    const b = createScheduler(second.db, jobs, { clock: () => clock, instance: 'B' });
    const firstSeen = new Map<number, string>();
    for (let day = '2022-07-25'; day <= '2022-10-15'; day = addDays(day, 1)) {
      clock = noon(day);
      // Both instances wake at the same moment.
      await Promise.all([a.runNow('escalatie'), b.runNow('escalatie')]);
      for (const f of await fires(action.id)) if (!firstSeen.has(f.level)) firstSeen.set(f.level, day);
    }
    const rows = await fires(action.id);
    expect(rows.map((r) => r.level)).toEqual([1, 2, 3, 4]);
    // The default ladder: the day after the deadline, then +14, +28 and +56 days.
    expect(rows.map((r) => r.due_on)).toEqual(rows.map((r) => firstSeen.get(r.level)));
    expect([...firstSeen.values()]).toEqual(['2022-08-02', '2022-08-15', '2022-08-29', '2022-09-26']);

    // A restarted instance finds nothing left to do.
    const c = createScheduler(second.db, jobs, { clock: () => clock, instance: 'C' });
    expect(await c.runNow('escalatie')).toMatchObject({ fired: 0 });
    expect(await fires(action.id)).toHaveLength(4);

    // The reminder reached the holder's inbox once; the LRT step proposed an agenda item once.
    const holder = { kind: 'user' as const, userId: holderId, email: 'houder@x.nl', name: 'Houder', roles: [{ role: 'provincie' as const, scope: 'PV27' }], via: 'session' as const };
    const mine = (await inbox(database.db, holder)).filter((n) => n.subjectId === String(action.id));
    expect(mine.filter((n) => n.title.startsWith('Herinnering'))).toHaveLength(1);
    const proposals = await database.db.selectFrom('lrt_agenda_proposal').selectAll().where('subject_id', '=', String(action.id)).execute();
    expect(proposals).toHaveLength(1);
  });

  it('starts the ladder again after an extended deadline, and leaves finished actions alone', async () => {
    const action = await createAction(database.db, actor, { measureId, description: 'Regeling uitwerken', holderOrganisation: 'JenV', deadline: '2022-09-01' });
    const done = await createAction(database.db, actor, { measureId, description: 'Al klaar', holderOrganisation: 'COA', deadline: '2022-09-01' });
    await updateAction(database.db, actor, done.id, done.version, { date: '2022-08-30', text: 'Afgerond', status: 'gereed' });
    let clock = noon('2022-09-03');
    const s = createScheduler(database.db, [escalationJob({ mail: false })], { clock: () => clock });
    await s.runNow('escalatie');
    expect((await fires(action.id)).map((f) => f.level)).toEqual([1]);
    const current = await database.db.selectFrom('action').select('version').where('id', '=', action.id).executeTakeFirstOrThrow();
    await updateAction(database.db, actor, action.id, current.version, { date: '2022-09-05', text: 'Meer tijd nodig voor afstemming met VNG', deadline: '2022-10-01' }, '2022-09-05');
    clock = noon('2022-09-20');
    await s.runNow('escalatie');
    expect((await fires(action.id)).map((f) => f.level)).toEqual([1]);
    clock = noon('2022-10-02');
    await s.runNow('escalatie');
    const rows = await fires(action.id);
    expect(rows.map((f) => [f.level, f.deadline])).toEqual([
      [1, '2022-09-01'],
      [1, '2022-10-01'],
    ]);
    expect(await fires(done.id)).toEqual([]);
  });

  it('loses no mail while the mail server is down, and sends each once when it is back', async () => {
    await database.db.deleteFrom('email_outbox').execute();
    const received: string[] = [];
    const sink = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let text = '';
        stream.on('data', (c: Buffer) => (text += c.toString()));
        stream.on('end', () => {
          received.push(`${session.envelope.rcptTo.map((r) => r.address).join(',')}|${/Subject: (.*)/.exec(text)?.[1] ?? ''}`);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    const port = (sink.server.address() as AddressInfo).port;
    // First the server is down: close it, keep the port.
    await new Promise<void>((resolve) => sink.close(() => resolve()));

    const action = await createAction(database.db, actor, { measureId, description: 'Mail-test', holderOrganisation: 'Provincie', holderEmail: 'houder@x.nl', provinceCode: 'PV27', deadline: '2022-11-01' });
    let clock = noon('2022-11-02');
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`);
    const s = createScheduler(database.db, [escalationJob({ mail: true }), mailJob(transport, 'Regietafel <noreply@x.nl>')], { clock: () => clock });
    expect((await s.runNow('escalatie'))!.fired).toBeGreaterThanOrEqual(1);
    const outbox = () => database.db.selectFrom('email_outbox').selectAll().orderBy('id').execute();
    expect((await outbox()).map((m) => m.to_address)).toEqual(['houder@x.nl']);
    expect(await s.runNow('mail')).toMatchObject({ claimed: 1, sent: 0, failed: 1 });
    let [row] = await outbox();
    expect(row).toMatchObject({ sent_at: null, attempts: 1 });
    expect(row!.next_attempt_at.getTime()).toBe(clock.getTime() + backoffMs(1));
    // Before the pause is over nothing is tried.
    expect(await s.runNow('mail')).toMatchObject({ claimed: 0 });

    const back = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let text = '';
        stream.on('data', (c: Buffer) => (text += c.toString()));
        stream.on('end', () => {
          received.push(`${session.envelope.rcptTo.map((r) => r.address).join(',')}|${/Subject: (.*)/.exec(text)?.[1] ?? ''}`);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => back.listen(port, '127.0.0.1', resolve));
    try {
      clock = new Date(clock.getTime() + backoffMs(1) + 1000);
      expect(await s.runNow('mail')).toMatchObject({ claimed: 1, sent: 1, failed: 0 });
      expect(await s.runNow('mail')).toMatchObject({ claimed: 0 });
      [row] = await outbox();
      expect(row!.sent_at).not.toBeNull();
      expect(received).toHaveLength(1);
      expect(received[0]).toMatch(/^houder@x\.nl\|\[Regietafel\] Herinnering/);
    } finally {
      await new Promise<void>((resolve) => back.close(() => resolve()));
    }
    expect(action.id).toBeGreaterThan(0);
  });
});
