import { loadConfig, type Config } from '../platform/config.ts';
import { prepareDatabase } from '../platform/setup.ts';
import type { Database } from '../platform/db/database.ts';
import { systemActor, type Actor } from '../features/audit/audit.ts';

/** Opens the configured database (migrated, with reference data), runs `fn`, and always closes it. */
export async function withDatabase<T>(fn: (database: Database, config: Config) => Promise<T>, opts: { demo?: boolean; quiet?: boolean } = {}): Promise<T> {
  const config = loadConfig();
  const log = opts.quiet ? () => {} : (msg: string) => process.stderr.write(`${msg}\n`);
  const database = await prepareDatabase(config, { demo: opts.demo ?? false, log });
  try {
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

/**
 * The operator at the server's command line, named by the operating-system user. The CLI acts as the
 * system principal (it has the database in hand anyway); every change it makes is in the audit trail.
 */
export function cliActor(): Actor {
  return systemActor(`cli:${process.env.USER ?? process.env.USERNAME ?? 'onbekend'}`);
}
