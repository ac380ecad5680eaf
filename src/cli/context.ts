import { loadConfig, type Config } from '../platform/config.ts';
import { prepareDatabase } from '../platform/setup.ts';
import type { Database } from '../platform/db/database.ts';

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

/** Who does this, for the import journal (and later the audit trail): the operating-system user. */
export function cliActor(): string {
  return `cli:${process.env.USER ?? process.env.USERNAME ?? 'onbekend'}`;
}
