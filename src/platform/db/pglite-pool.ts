import type { PGlite } from '@electric-sql/pglite';
import { copyResult, copyStatement } from './copy.ts';

/**
 * Makes one PGlite instance look like a `pg` Pool to Kysely's PostgresDialect, so both databases
 * share one dialect and one SQL. PGlite is a single connection: a connection is handed out to one
 * caller at a time (transactions must not interleave), the others wait in line.
 */
interface QueryResult {
  command: string;
  rowCount: number;
  rows: unknown[];
}

const searchPathOf = new WeakMap<PGlite, string>();

export class PGlitePool {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly pglite: PGlite,
    private readonly searchPath?: string,
  ) {}

  async connect() {
    let release!: () => void;
    const previous = this.queue;
    this.queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    // Several test suites may share one PGlite with a schema each: the search path follows the borrower.
    const wanted = this.searchPath ?? 'public';
    if (searchPathOf.get(this.pglite) !== wanted) {
      await this.pglite.exec(`set search_path to ${quoteIdent(wanted)}`);
      searchPathOf.set(this.pglite, wanted);
    }
    const pglite = this.pglite;
    let released = false;
    return {
      async query(sqlText: string, params: unknown[] = []): Promise<QueryResult> {
        const copy = copyStatement(sqlText, params);
        if (copy) {
          // PGlite has no client copy protocol; it reads COPY input from a blob it calls /dev/blob.
          const result = await pglite.query(copy.copy.replace(/ from stdin /i, ` from '/dev/blob' `), [], { blob: new Blob([...copy.payload.chunks]) });
          return copyResult('COPY', result.affectedRows ?? 0);
        }
        if (params.length === 0 && isMultiStatement(sqlText)) {
          await pglite.exec(sqlText);
          return { command: commandOf(sqlText), rowCount: 0, rows: [] };
        }
        const result = await pglite.query(sqlText, params);
        return { command: commandOf(sqlText), rowCount: result.affectedRows ?? 0, rows: result.rows };
      },
      release() {
        if (!released) {
          released = true;
          release();
        }
      },
    };
  }

  async end() {
    // The PGlite instance is owned by whoever created it (tests share one); see database.ts.
  }
}

function commandOf(sqlText: string): string {
  const match = /^\s*(?:with\b[\s\S]*?\)\s*)?(\w+)/i.exec(sqlText);
  return (match?.[1] ?? '').toUpperCase();
}

function isMultiStatement(sqlText: string): boolean {
  return sqlText.replace(/;\s*$/, '').includes(';');
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
