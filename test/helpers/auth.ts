import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/platform/db/database.ts';
import { DEMO_PASSWORD } from '../../src/features/auth/demo-users.ts';
import { createToken, getUserByEmail } from '../../src/features/auth/service.ts';
import { systemActor } from '../../src/features/audit/audit.ts';

export const DEMO = {
  secretariaat: 'secretariaat@regietafel.demo',
  lid: 'lid@regietafel.demo',
  provincie: 'provincie.nh@regietafel.demo',
  gemeente: 'gemeente.amsterdam@regietafel.demo',
  coa: 'coa@regietafel.demo',
  corporatie: 'corporatie@regietafel.demo',
} as const;
export type DemoRole = keyof typeof DEMO;

/** Logs in through the API and returns what a browser would hold: the cookie and the CSRF token. */
export async function login(app: FastifyInstance, email: string, password = DEMO_PASSWORD) {
  const r = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } });
  if (r.statusCode !== 200) throw new Error(`login ${email}: ${r.statusCode} ${r.body}`);
  const cookie = r.cookies.find((c) => c.name === 'regietafel_sessie')!;
  return { cookie: `${cookie.name}=${cookie.value}`, csrf: r.json().csrfToken as string, setCookie: cookie };
}

export async function tokenFor(db: Db, email: string) {
  const user = await getUserByEmail(db, email);
  return (await createToken(db, systemActor('test'), { userId: user.id, name: 'test' })).token;
}
