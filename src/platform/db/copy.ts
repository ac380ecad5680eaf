import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * `COPY … FROM STDIN` through Kysely, inside the caller's transaction, on both databases.
 *
 * Kysely hands a query only SQL text and parameters, and keeps its connection to itself; a COPY needs the
 * connection's copy protocol. So the rows travel as a parameter of a marked statement, and the two pool
 * adapters (`copy-aware-pool.ts` for PostgreSQL, `pglite-pool.ts` for PGlite) recognise the marker and run a
 * real COPY on the same connection: a COPY is 2–3 × faster than batched inserts for large uploads.
 */
export class CopyPayload {
  constructor(
    /** CSV text in pieces, pulled lazily (progress can follow what the database has taken). */
    readonly chunks: Iterable<string>,
  ) {}
}

/** Adapters answer a COPY with one row `{ copied }`. */
export const copyResult = (command: string, copied: number) => ({ command, rowCount: copied, rows: [{ copied }] });

/** The statement a pool adapter receives starts with this, followed by the real COPY statement. */
export const COPY_MARKER = '$1 ';

/** Splits a marked statement: the COPY text and its payload, or null when it is an ordinary query. */
export function copyStatement(sqlText: string, params: readonly unknown[]): { copy: string; payload: CopyPayload } | null {
  if (params.length !== 1 || !(params[0] instanceof CopyPayload) || !sqlText.startsWith(COPY_MARKER)) return null;
  return { copy: sqlText.slice(COPY_MARKER.length), payload: params[0] };
}

/**
 * Copies CSV rows (already quoted, see `csvField`) into `table (columns)`; returns the number of rows.
 * `await copyRows(trx, 'realisation_stage', ['code', 'day'], ['GM0363,2022-07-01\n'])` → 1
 */
export async function copyRows<DB>(db: Kysely<DB>, table: string, columns: readonly string[], chunks: Iterable<string>): Promise<number> {
  const payload = new CopyPayload(chunks);
  const result = await sql<{ copied: number }>`${payload} copy ${sql.table(table)} (${sql.join(columns.map((c) => sql.id(c)))}) from stdin with (format csv)`.execute(db);
  // Kysely counts affected rows only for insert/update/delete, so the adapters answer with one row instead.
  return result.rows[0]?.copied ?? 0;
}

// Quoting every field costs more than the COPY itself on a million lines; only what CSV needs is quoted.
// A backslash is quoted too: an unquoted `\.` line ends COPY data.
const NEEDS_QUOTES = /[",\n\r\\]|^\s|\s$/;

/** One CSV field for COPY: null is an unquoted empty field; an empty string is quoted so it stays ''. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (value !== '' && !NEEDS_QUOTES.test(value)) return value;
  return `"${value.replace(/"/g, '""')}"`;
}
