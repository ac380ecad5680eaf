import { Command } from 'commander';
import { PGlite } from '@electric-sql/pglite';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../platform/config.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { prepareDatabase } from '../../platform/setup.ts';
import { backupPGlite, backupPostgres, isEmptyDir, restorePGlite, restorePostgres, type BackupResult } from '../../platform/db/backup.ts';
import { recordAudit } from '../../features/audit/audit.ts';
import { formatInteger } from '../../lib/dutch.ts';
import { cliActor } from '../context.ts';
import { progress, UsageError } from '../output.ts';

function megabytes(bytes: number) {
  return `${(bytes / 1024 / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;
}

export function backupCommand() {
  return new Command('backup')
    .description(
      'maak een back-up van de hele database in één bestand. PostgreSQL (DATABASE_URL): een pg_dump-archief (--format=custom) ' +
        'van het schema van Regietafel; ingebouwde database: de datamap als .tar.gz met een kopregel en controlesom. ' +
        'Bij de ingebouwde database moet de server gestopt zijn.',
    )
    .argument('<bestand>', 'het back-upbestand dat wordt gemaakt')
    .option('--force', 'overschrijf een bestaand bestand')
    .option('--pg-bin <map>', 'map met pg_dump (standaard die van de versie van de server)')
    .action(async (file: string, opts: { force?: boolean; pgBin?: string }) => {
      const config = loadConfig();
      if (fs.existsSync(file) && !opts.force) throw new UsageError(`Bestand ${file} bestaat al; gebruik --force om het te overschrijven.`);
      if (!fs.existsSync(path.dirname(path.resolve(file)))) throw new UsageError(`De map van ${file} bestaat niet.`);
      const bar = progress('Back-up', config.databaseUrl ? 'tabellen' : 'stappen');
      let result: BackupResult;
      const actor = cliActor();
      const started = Date.now();
      if (config.databaseUrl) {
        try {
          result = await backupPostgres(config.databaseUrl, file, { binDir: opts.pgBin }, bar);
        } finally {
          bar.stop();
        }
        const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
        try {
          await recordAudit(database.db, actor, backupEntry(result));
        } finally {
          await database.close();
        }
      } else {
        if (config.dataDir.startsWith('memory://')) throw new UsageError('Een database in het geheugen (memory://) heeft geen back-up.');
        if (isEmptyDir(config.dataDir)) throw new UsageError(`In ${path.resolve(config.dataDir)} staat geen database.`);
        const pglite = await PGlite.create(config.dataDir);
        try {
          const hasTables = await pglite.query(`select 1 from pg_tables where tablename = 'schema_migrations'`);
          if (hasTables.rows.length === 0) throw new UsageError(`In ${path.resolve(config.dataDir)} staat geen Regietafel-database.`);
          try {
            result = await backupPGlite(pglite, file, bar);
          } finally {
            bar.stop();
          }
          const database = await openDatabase({ dataDir: config.dataDir, pglite });
          await recordAudit(database.db, actor, backupEntry(result));
          await database.close();
        } finally {
          await pglite.close();
        }
      }
      console.log(
        `Back-up gemaakt: ${file} (${megabytes(result.bytes)}, ${result.kind === 'postgres' ? `pg_dump van schema ${result.schema}` : 'ingebouwde database'}, ` +
          `sha256 ${result.sha256}) in ${formatInteger(Math.round((Date.now() - started) / 1000))} s.`,
      );
    });
}

function backupEntry(r: BackupResult) {
  return {
    action: 'create' as const,
    resourceType: 'backup',
    resourceId: path.basename(r.file),
    after: { kind: r.kind, file: path.resolve(r.file), bytes: r.bytes, sha256: r.sha256, ...(r.schema ? { schema: r.schema } : {}) },
  };
}

export function restoreCommand() {
  return new Command('restore')
    .description(
      'zet een back-up van regie backup terug; alles of niets. PostgreSQL: pg_restore --clean in één transactie in het schema van ' +
        'Regietafel. Ingebouwde database: eerst naast de datamap uitgepakt en gecontroleerd, dan omgewisseld; een niet-lege datamap ' +
        'alleen met --force (stop eerst de server).',
    )
    .argument('<bestand>', 'het back-upbestand')
    .option('--force', 'vervang een bestaande ingebouwde database')
    .option('--pg-bin <map>', 'map met pg_restore (standaard die van de versie van de server)')
    .action(async (file: string, opts: { force?: boolean; pgBin?: string }) => {
      const config = loadConfig();
      const bar = progress('Terugzetten', config.databaseUrl ? 'tabellen' : 'stappen');
      const started = Date.now();
      let what: Record<string, unknown>;
      try {
        if (config.databaseUrl) {
          const r = await restorePostgres(config.databaseUrl, file, { binDir: opts.pgBin }, bar);
          what = { kind: 'postgres', schema: r.schema };
        } else {
          if (config.dataDir.startsWith('memory://')) throw new UsageError('Een database in het geheugen (memory://) kan niet worden teruggezet.');
          const r = await restorePGlite(file, config.dataDir, { force: opts.force ?? false }, bar);
          what = { kind: 'pglite', createdAt: r.header.createdAt, sha256: r.header.sha256 };
        }
      } finally {
        bar.stop();
      }
      // Bring the restored database up to this version (migrations) and record the restore in its own audit trail.
      const database = await prepareDatabase(config, { demo: false, log: (msg) => process.stderr.write(`${msg}\n`) });
      try {
        await recordAudit(database.db, cliActor(), {
          action: 'import',
          resourceType: 'backup',
          resourceId: path.basename(file),
          after: { ...what, file: path.resolve(file), bytes: fs.statSync(file).size, restored: true },
        });
      } finally {
        await database.close();
      }
      console.log(`Back-up teruggezet: ${file} in ${database.location} (${formatInteger(Math.round((Date.now() - started) / 1000))} s).`);
    });
}
