/**
 * What the API-level fuzz tests share: the answer every request must get (2xx, or a 4xx problem+json with a Dutch
 * detail; never 5xx) and a fingerprint of tables (row count and a hash of every row) to prove a refused request
 * changed nothing.
 */
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Db } from '../../../src/platform/db/database.ts';

// Dutch function words and the verbs our messages use; a detail without any of them is suspect (English or a bare code).
const DUTCH =
  /\b(het|de|een|is|zijn|moet|niet|geen|heeft|onbekend|mag|verplicht|bestaat|kan|kon|ingelezen|ongeldig|toegang|ingelogd|ontbreekt|gevonden|hooguit|van|te|voor|op|met|nog|wordt|worden|staat|en|bij|aan|naar|per)\b/i;
const ENGLISH = /\b(must|should|Unexpected|Cannot|undefined|is not allowed|is required|Internal Server Error)\b/;

/** Checks the answer; returns a short description of it for failure messages. */
export function expectSaneAnswer(r: LightMyRequestResponse, what: string): string {
  const said = `${what} → ${r.statusCode} ${r.body.slice(0, 400)}`;
  expect(r.statusCode, said).toBeLessThan(500);
  expect(r.statusCode, said).toBeGreaterThanOrEqual(200);
  if (r.statusCode >= 400) {
    expect(String(r.headers['content-type']), said).toMatch(/^application\/problem\+json/);
    const problem = r.json() as { status: number; detail: string; code: string; invalidParams?: { name: string; reason: string; line?: number }[] };
    expect(problem.status, said).toBe(r.statusCode);
    expect(typeof problem.code, said).toBe('string');
    expect(problem.detail, said).toMatch(DUTCH);
    expect(problem.detail, said).not.toMatch(ENGLISH);
    for (const p of problem.invalidParams ?? []) {
      expect(typeof p.name === 'string' && typeof p.reason === 'string', said).toBe(true);
      if (p.line !== undefined) expect(Number.isInteger(p.line) && p.line >= 1, said).toBe(true);
    }
  }
  return said;
}

/** Row count and md5 of every row of each table, in a stable order. */
export async function fingerprint(db: Db, tables: readonly string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of tables) {
    const r = await sql<{ n: number; h: string | null }>`select count(*)::int as n, md5(string_agg(md5(t::text), '' order by md5(t::text))) as h from ${sql.table(table)} t`.execute(db);
    out[table] = `${r.rows[0]!.n}:${r.rows[0]!.h ?? ''}`;
  }
  return out;
}
