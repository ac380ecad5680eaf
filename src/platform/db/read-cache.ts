import { sql } from 'kysely';
import type { Db } from './database.ts';

/**
 * Computed reads (the ledger overview replays every municipality's ledger; the reception picture walks every
 * location) cached by the database snapshot they were computed in.
 *
 * Why a snapshot and not a version counter bumped by writes: a counter is bumped inside the writing transaction,
 * before its commit is visible, so a reader could compute old data under the new number and keep it. A snapshot
 * (`pg_current_snapshot()`: xmin, xmax and the transactions in progress) decides exactly which rows a query sees;
 * two REPEATABLE READ transactions with the same snapshot see the same data, in every instance and on PGlite alike.
 * Any committed write elsewhere gives later readers a different snapshot, so a cached answer can never be stale; it
 * can only be recomputed more often than strictly needed (every write anywhere, e.g. a job run, counts as a change).
 *
 * The key also holds the calendar dates: services decide "overdue" and "the current half-year" from today's date,
 * which changes without any write.
 */
interface Entry {
  snapshot: string;
  value: Promise<unknown>;
}

const MAX_ENTRIES = 64;
const caches = new WeakMap<Db, Map<string, Entry>>();

function today(): string {
  const now = new Date();
  const dutch = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
  return `${now.toISOString().slice(0, 10)}/${dutch}`;
}

/** Counters for tests and the benchmark: how often a read was answered from the cache. */
export const readCacheStats = { hits: 0, misses: 0 };

/**
 * Answers `compute` from the cache when nothing has been committed since it last ran with the same key; otherwise
 * runs it in a read-only REPEATABLE READ transaction (one consistent view) and keeps the answer. Inside a caller's
 * transaction it just computes: that transaction may see its own uncommitted changes.
 */
export async function cachedRead<T>(db: Db, name: string, args: unknown, compute: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return compute(db);
  const key = `${name}|${JSON.stringify(args ?? null)}|${today()}`;
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const store = cache;
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const { rows } = await sql<{ snapshot: string }>`select pg_current_snapshot()::text as snapshot`.execute(trx);
      const snapshot = rows[0]!.snapshot;
      const hit = store.get(key);
      if (hit && hit.snapshot === snapshot) {
        readCacheStats.hits++;
        // Most recently used last, so the oldest key is the first to go.
        store.delete(key);
        store.set(key, hit);
        return hit.value as Promise<T>;
      }
      readCacheStats.misses++;
      const value = compute(trx);
      store.set(key, { snapshot, value });
      if (store.size > MAX_ENTRIES) store.delete(store.keys().next().value!);
      // A failed computation is not an answer: the next request tries again.
      value.catch(() => {
        if (store.get(key)?.value === value) store.delete(key);
      });
      return value;
    });
}
