import nodemailer from 'nodemailer';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Job } from '../jobs/scheduler.ts';

/**
 * E-mail through an outbox table: a notification's mail is written in the same transaction as the notification,
 * and a scheduled job sends it. When the mail server is down nothing is lost: the row stays, and is tried again
 * with a growing pause (1, 2, 4 … minutes, at most 6 hours). A row is claimed with a lease before sending, so two
 * instances never send the same row at once; a crash between sending and recording can repeat one mail (at least
 * once), never lose one.
 */
export interface MailTransport {
  send(mail: { from: string; to: string; subject: string; text: string }): Promise<void>;
}

export function smtpTransport(url: string): MailTransport {
  // Short timeouts: a hanging mail server must not keep the job busy; the outbox retries later.
  const u = new URL(url);
  u.searchParams.set('connectionTimeout', '10000');
  u.searchParams.set('greetingTimeout', '10000');
  u.searchParams.set('socketTimeout', '20000');
  const transport = nodemailer.createTransport(u.toString());
  return {
    async send(mail) {
      await transport.sendMail(mail);
    },
  };
}

export async function enqueueMail(db: Db, mail: { notificationId: number | null; to: string; subject: string; body: string }, now: Date) {
  await db.insertInto('email_outbox').values({ notification_id: mail.notificationId, to_address: mail.to, subject: mail.subject, body: mail.body, next_attempt_at: now }).execute();
}

const BATCH = 20;
const LEASE_MS = 2 * 60_000;

/** The pause after the n-th failed attempt (n ≥ 1): 1 minute doubling, at most 6 hours. `backoffMs(3)` → 240000 */
export function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

interface Claimed {
  id: number;
  to_address: string;
  subject: string;
  body: string;
  attempts: number;
}

export function mailJob(transport: MailTransport, from: string, everyMs = 30_000): Job<{ claimed: number; _rows: Claimed[] }> {
  return {
    name: 'mail',
    everyMs,
    async run({ db, now }) {
      const rows = await sql<Claimed>`
        update email_outbox set attempts = attempts + 1, next_attempt_at = ${new Date(now.getTime() + LEASE_MS)}
        where id in (
          select id from email_outbox where sent_at is null and next_attempt_at <= ${now}
          order by id limit ${BATCH} for update skip locked)
        returning id, to_address, subject, body, attempts`.execute(db);
      return { claimed: rows.rows.length, _rows: rows.rows };
    },
    async outside({ db, now }, { _rows }) {
      let sent = 0;
      let failed = 0;
      for (const row of _rows) {
        try {
          await transport.send({ from, to: row.to_address, subject: row.subject, text: row.body });
          await db.updateTable('email_outbox').set({ sent_at: now, last_error: null }).where('id', '=', row.id).execute();
          sent++;
        } catch (e) {
          failed++;
          await db
            .updateTable('email_outbox')
            .set({ last_error: String((e as Error).message).slice(0, 500), next_attempt_at: new Date(now.getTime() + backoffMs(row.attempts)) })
            .where('id', '=', row.id)
            .execute();
        }
      }
      return { sent, failed };
    },
  };
}
