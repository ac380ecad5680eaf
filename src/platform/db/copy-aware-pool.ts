import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyResult, copyStatement } from './copy.ts';

/**
 * A `pg` Pool as Kysely sees it, whose clients also understand the COPY marker of `copy.ts`: the rows are
 * streamed over the same connection (and so inside the same transaction) with pg-copy-streams.
 */
export function copyAwarePool(pool: pg.Pool): pg.Pool {
  const wrapped = new WeakMap<pg.PoolClient, pg.PoolClient>();
  const wrap = (client: pg.PoolClient): pg.PoolClient => {
    let w = wrapped.get(client);
    if (!w) {
      w = new Proxy(client, {
        get(target, prop, receiver) {
          if (prop !== 'query') return Reflect.get(target, prop, receiver) as unknown;
          return (text: unknown, params?: unknown[]) => {
            const copy = typeof text === 'string' && params ? copyStatement(text, params) : null;
            if (!copy) return (target.query as (...a: unknown[]) => unknown)(text, params);
            return runCopy(target, copy.copy, copy.payload.chunks);
          };
        },
      });
      wrapped.set(client, w);
    }
    return w;
  };
  return new Proxy(pool, {
    get(target, prop, receiver) {
      if (prop === 'connect') return async () => wrap(await target.connect());
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

async function runCopy(client: pg.PoolClient, text: string, chunks: Iterable<string>) {
  const stream = client.query(copyFrom(text));
  await pipeline(Readable.from(chunks), stream);
  return copyResult('COPY', stream.rowCount);
}
