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

const DEFAULT_MAX_ENTRIES = 32;
/** Per database (tests open one per schema) and per kind of read, so many small entries never evict big ones. */
const caches = new WeakMap<Db, Map<string, Map<string, Entry>>>();

// Made once: every cached read (every API token too) asks for today's date.
const DUTCH_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

function today(): string {
  const now = new Date();
  return `${now.toISOString().slice(0, 10)}/${DUTCH_DAY.format(now)}`;
}

async function snapshotOf(db: Db): Promise<string> {
  const { rows } = await sql<{ snapshot: string }>`select pg_current_snapshot()::text as snapshot`.execute(db);
  return rows[0]!.snapshot;
}

function storeFor(db: Db, name: string): Map<string, Entry> {
  let byName = caches.get(db);
  if (!byName) caches.set(db, (byName = new Map()));
  let store = byName.get(name);
  if (!store) byName.set(name, (store = new Map()));
  return store;
}

function hit(store: Map<string, Entry>, key: string, snapshot: string): Entry | undefined {
  const entry = store.get(key);
  if (!entry || entry.snapshot !== snapshot) return undefined;
  // Most recently used last, so the oldest key is the first to go.
  store.delete(key);
  store.set(key, entry);
  return entry;
}

/**
 * Answers `compute` from the cache when nothing has been committed since it last ran with the same key; otherwise
 * runs it in a read-only REPEATABLE READ transaction (one consistent view) and keeps the answer. A hit costs one
 * statement: the snapshot of that statement equals the one the answer was computed in, so the answer is what a
 * fresh computation would give now. Inside a caller's transaction it just computes: that transaction may see its
 * own uncommitted changes. The answer is shared between requests: callers must not change it.
 */
export async function cachedRead<T>(
  db: Db,
  name: string,
  args: unknown,
  compute: (trx: Db) => Promise<T>,
  opts: { maxEntries?: number } = {},
): Promise<T> {
  if (db.isTransaction) return compute(db);
  const key = `${JSON.stringify(args ?? null)}|${today()}`;
  const store = storeFor(db, name);
  const early = hit(store, key, await snapshotOf(db));
  if (early) return early.value as Promise<T>;
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const snapshot = await snapshotOf(trx);
      // Another request may have computed this very snapshot meanwhile.
      const late = hit(store, key, snapshot);
      if (late) return late.value as Promise<T>;
      const value = compute(trx);
      store.set(key, { snapshot, value });
      if (store.size > (opts.maxEntries ?? DEFAULT_MAX_ENTRIES)) store.delete(store.keys().next().value!);
      // A failed computation is not an answer: the next request tries again.
      value.catch(() => {
        if (store.get(key)?.value === value) store.delete(key);
      });
      return value;
    });
}

/** The part of a Fastify reply that `cachedJson` needs (kept structural: the database layer knows no Fastify). */
interface JsonReply {
  serialize(payload: unknown): string | ArrayBuffer | Buffer;
  type(contentType: string): unknown;
}

/**
 * `cachedRead` for a route that answers JSON: keeps the answer serialised by the route's own response schema, so a
 * hit skips both the computation and the serialisation (156 kB for the ledger overview). Fastify sends a string
 * with a JSON content type as it is.
 */
export async function cachedJson(reply: JsonReply, db: Db, name: string, args: unknown, compute: (trx: Db) => Promise<unknown>): Promise<string | ArrayBuffer | Buffer> {
  const json = await cachedRead(db, name, args, async (trx) => reply.serialize(await compute(trx)));
  reply.type('application/json; charset=utf-8');
  return json;
}
