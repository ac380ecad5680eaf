import { Command, Option } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { uploadRealisations } from '../../features/ledger/realisations.ts';
import { formatInteger } from '../../lib/dutch.ts';
import { cliActor, withDatabase } from '../context.ts';
import { progress, UsageError } from '../output.ts';

export function importRealisationsCommand() {
  return new Command('realisations')
    .description('lees een realisatielijst in (CSV of Excel: gemeentecode,datum,personen[,huishoudgrootte][,coa_nummer]); alles of niets, tweemaal hetzelfde bestand verandert niets')
    .argument('<bestand>', '.csv of .xlsx')
    .requiredOption('--period <halfjaar>', 'halfjaar waarin alle datums vallen, bijv. 2022-II')
    .addOption(new Option('--source <bron>', 'wie telde: coa (de COA-lijst) of gemeente (eigen telling)').choices(['coa', 'gemeente']).default('coa'))
    .action(async (file: string, opts: { period: string; source: 'coa' | 'gemeente' }) => {
      if (!fs.existsSync(file)) throw new UsageError(`Bestand ${file} bestaat niet.`);
      const format = /\.xlsx$/i.test(file) ? 'xlsx' : 'csv';
      const content = fs.readFileSync(file);
      await withDatabase(async ({ db }) => {
        const bar = progress('Inlezen');
        try {
          const r = await uploadRealisations(db, cliActor(), {
            content,
            format,
            period: opts.period,
            source: opts.source,
            fileName: path.basename(file),
            onProgress: (done, total) => bar.update(done, total),
          });
          bar.stop();
          if (r.alreadyUploaded) console.log(`Dit bestand is al ingelezen (upload ${r.uploadId}); er is niets gewijzigd.`);
          else console.log(`Ingelezen: ${formatInteger(r.lineCount)} regels, ${formatInteger(r.newCount)} nieuw, ${formatInteger(r.skippedCount)} al bekend uit eerdere bestanden (upload ${r.uploadId}).`);
        } finally {
          bar.stop();
        }
      }, { quiet: true });
    });
}
