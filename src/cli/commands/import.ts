import { Command, Option } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { importPopulation } from '../../features/regions/service.ts';
import { POPULATION_STATUSES, type PopulationStatus } from '../../domain/regions/population.ts';
import { formatDate, formatInteger } from '../../lib/dutch.ts';
import { cliActor, withDatabase } from '../context.ts';
import { progress, UsageError } from '../output.ts';
import { importRealisationsCommand } from './ledger.ts';

export function importCommand() {
  const cmd = new Command('import').description('lees gegevens in uit een bestand');
  cmd
    .command('population')
    .description(
      'lees inwonertallen per gemeente in: eigen CSV (gemeentecode,gemeentenaam,provinciecode,inwoners,peildatum) ' +
        'of een CBS StatLine-export (puntkomma, met regiocodes). Elke regel wordt gecontroleerd; bij één fout wordt niets ingelezen.',
    )
    .argument('<bestand>', 'het CSV-bestand')
    .addOption(new Option('--status <status>', 'status van de cijfers als het bestand geen kolom status heeft').choices([...POPULATION_STATUSES]))
    .option('--bron <tekst>', 'bron van de cijfers als het bestand geen kolom bron heeft (bijv. "CBS StatLine 03759ned")')
    .action(async (file: string, opts: { status?: PopulationStatus; bron?: string }) => {
      if (!fs.existsSync(file)) throw new UsageError(`Bestand ${file} bestaat niet.`);
      const text = fs.readFileSync(file, 'utf8');
      await withDatabase(async (database) => {
        const bar = progress('Inlezen');
        try {
          const r = await importPopulation(database.db, cliActor(), {
            text,
            fileName: path.basename(file),
            status: opts.status,
            source: opts.bron,
            onProgress: (done, total) => bar.update(done, total),
          });
          bar.stop();
          for (const w of r.warnings) process.stderr.write(`Let op: ${w}\n`);
          console.log(
            `Ingelezen: ${formatInteger(r.rowCount)} gemeenten, peildatum ${formatDate(r.referenceDate)}, status ${r.status}, ` +
              `bron "${r.source}" (${r.format}); ${formatInteger(r.replacedCount)} bestaande cijfers vervangen. Import #${r.importId}.`,
          );
        } finally {
          bar.stop();
        }
      });
    });
  cmd.addCommand(importRealisationsCommand());
  return cmd;
}
