import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { AppError, checkedBy, databaseUnavailable, registerErrorHandling } from './errors.ts';

class RuleError extends Error {
  constructor(readonly code: string, message: string, readonly field?: string) {
    super(message);
  }
}

describe('checkedBy', () => {
  it('turns a domain error into a 400 problem naming the field, and lets other errors through', () => {
    const e = (() => {
      try {
        return checkedBy([RuleError], () => {
          throw new RuleError('te-laat', 'De termijn is verstreken.', 'deadline');
        });
      } catch (x) {
        return x;
      }
    })() as AppError;
    expect(e).toBeInstanceOf(AppError);
    expect(e.status).toBe(400);
    expect(e.invalidParams).toEqual([{ name: 'deadline', code: 'te-laat', reason: 'De termijn is verstreken.' }]);
    expect(() => checkedBy([RuleError], () => { throw new TypeError('stuk'); })).toThrow(TypeError);
    expect(checkedBy([RuleError], () => 42)).toBe(42);
  });
});

describe('an unreachable database', () => {
  it('is recognised by PostgreSQL’s codes for a shutdown or lost connection, not by other errors', () => {
    for (const code of ['57P01', '57P02', '57P03', '08006', '08003', 'ECONNREFUSED', 'ECONNRESET']) expect(databaseUnavailable({ code })).toBe(true);
    expect(databaseUnavailable({ message: 'Connection terminated unexpectedly' })).toBe(true);
    expect(databaseUnavailable({ message: 'Client has encountered a connection error and is not queryable' })).toBe(true);
    for (const code of ['23505', '40001', '57014', 'ENOENT', undefined]) expect(databaseUnavailable({ code, message: 'iets anders' })).toBe(false);
  });

  it('answers 503 problem+json with Retry-After instead of a 500', async () => {
    const app = Fastify({ logger: false });
    registerErrorHandling(app);
    app.get('/kapot', async () => {
      throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    });
    app.get('/fout', async () => {
      throw new Error('een echte fout');
    });
    const down = await app.inject({ url: '/kapot' });
    expect(down.statusCode).toBe(503);
    expect(down.headers['retry-after']).toBe('5');
    expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(down.json()).toMatchObject({ status: 503, code: 'database-onbereikbaar' });
    expect((await app.inject({ url: '/fout' })).statusCode).toBe(500);
    await app.close();
  });
});
