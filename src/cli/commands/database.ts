import { Command } from 'commander';
import { withDatabase } from '../context.ts';
import { UsageError } from '../output.ts';

export function migrateCommand() {
  return new Command('migrate')
    .description('voer de databasemigraties uit en laad de referentiedata (provincies, gemeenten, herindelingen, inwonertallen)')
    .action(async () => {
      await withDatabase(async (database) => console.log(`Database is bij: ${database.location}`));
    });
}

export function seedCommand() {
  return new Command('seed')
    .description('laad de demodata (eenmalig per database; nogmaals uitvoeren verandert niets)')
    .option('--demo', 'de demodata van Regietafel')
    .action(async (opts: { demo?: boolean }) => {
      if (!opts.demo) throw new UsageError('Geef aan welke data: regie seed --demo');
      await withDatabase(async (database) => console.log(`Demodata is geladen in ${database.location}`), { demo: true });
    });
}
