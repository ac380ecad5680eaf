import { Command, Option } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { uploadRealisations } from '../../features/ledger/realisations.ts';
import { formatInteger } from '../../lib/dutch.ts';
import { cliActor, withDatabase } from '../context.ts';
import { parseFormat, printRows, progress, UsageError } from '../output.ts';
import { overview } from '../../features/ledger/service.ts';

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

export function ledgerCommand() {
  return new Command('ledger')
    .description('grootboeken van een halfjaar: per gemeente taakstelling, achterstand, gecorrigeerde taakstelling, realisatie, tempo en toezichtstap')
    .requiredOption('--period <halfjaar>', 'bijv. 2022-II')
    .option('--province <code>', 'alleen de gemeenten van deze provincie (PV20 t/m PV31)')
    .option('--as-of <datum>', 'de stand op deze datum (standaard het einde van het halfjaar of vandaag)')
    .option('-f, --format <formaat>', 'table, csv of json', 'table')
    .action(async (opts: { period: string; province?: string; asOf?: string; format: string }) => {
      const format = parseFormat(opts.format);
      await withDatabase(async ({ db }) => {
        const r = await overview(db, { period: opts.period, province: opts.province?.toUpperCase(), asOf: opts.asOf });
        printRows(
          format,
          ['gemeentecode', 'gemeentenaam', 'provinciecode', 'taakstelling', 'meegenomen', 'ruil', 'gecorrigeerd', 'gerealiseerd', 'saldo', 'tempo', 'stap', 'voorgestelde stap'],
          r.items.map((i) => [i.code, i.name, i.provinceCode, i.taakstelling, i.carriedIn, i.swapsNet, i.corrected, i.realised, i.carriedOut, i.monthStatus, i.step, i.suggestedStep]),
          r,
        );
        if (format === 'table') {
          const t = r.totals;
          process.stderr.write(
            `Stand ${r.asOf}: taakstelling ${formatInteger(t.taakstelling)}, gecorrigeerd ${formatInteger(t.corrected)}, gerealiseerd ${formatInteger(t.realised)}, ` +
              `achterstand ${formatInteger(t.backlog)}; ${t.behind} van ${t.municipalities} gemeenten achter op tempo.\n`,
          );
        }
      }, { quiet: true });
    });
}
