import { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { overview, uploadProjects } from '../../features/pipeline/service.ts';
import { formatInteger } from '../../lib/dutch.ts';
import { cliActor, withDatabase } from '../context.ts';
import { parseFormat, printRows, UsageError } from '../output.ts';

const PERIOD = /^\d{4}-(I|II)$/;

/** `regie pipeline`: the housing pipeline against what is due, per municipality; `regie pipeline import <file>`. */
export function pipelineCommand() {
  const cmd = new Command('pipeline')
    .description('woningbouwpijplijn voor statushouders: verwachte woningen tegen wat volgens het grootboek nog verschuldigd is, per gemeente')
    .option('--period <halfjaar>', 'halfjaar, bijv. 2022-II', '2022-II')
    .option('--as-of <datum>', 'peildatum binnen het halfjaar (standaard de eerste dag)')
    .option('--province <code>', 'alleen deze provincie, bijv. PV21')
    .option('--municipality <code>', 'alleen deze gemeente, bijv. GM0363')
    .option('--persons-per-home <getal>', 'personen per woning, bijv. 2,2 (standaard)')
    .option('-f, --format <formaat>', 'table, csv of json', 'table')
    .action(async (opts: { period: string; asOf?: string; province?: string; municipality?: string; personsPerHome?: string; format: string }) => {
      const format = parseFormat(opts.format);
      if (!PERIOD.test(opts.period)) throw new UsageError(`--period moet een halfjaar zijn zoals 2022-II, niet '${opts.period}'.`);
      const province = opts.province?.toUpperCase();
      if (province && !/^PV\d{2}$/.test(province)) throw new UsageError(`--province moet een provinciecode zijn zoals PV21, niet '${opts.province}'.`);
      const municipality = opts.municipality?.toUpperCase();
      if (municipality && !/^GM\d{4}$/.test(municipality)) throw new UsageError(`--municipality moet een gemeentecode zijn zoals GM0363, niet '${opts.municipality}'.`);
      await withDatabase(async ({ db }) => {
        const r = await overview(db, { period: opts.period, asOf: opts.asOf, province, municipality, personsPerHome: opts.personsPerHome });
        printRows(
          format,
          ['gemeentecode', 'gemeente', 'provincie', 'verschuldigd', 'woningen rest halfjaar', 'woningen later', 'personen gedekt', 'dekking %', 'projecten', 'verschoven'],
          r.municipalities.map((m) => [m.municipalityCode, m.name, m.provinceCode, m.due, m.homesExpectedInPeriod, m.homesExpectedLater, m.personsCovered, m.coveragePercent, m.projects, m.slips]),
          r,
        );
        if (format === 'table') {
          const t = r.totals;
          process.stderr.write(
            `${r.period}, peildatum ${r.asOf}: ${formatInteger(t.homesExpectedInPeriod)} woningen voor statushouders verwacht in de rest van het halfjaar ` +
              `(${formatInteger(t.personsCovered)} personen bij ${r.personsPerHome} per woning) tegen ${formatInteger(t.due)} verschuldigd: ` +
              `${t.coveragePercent === null ? 'geen dekkingspercentage (niets verschuldigd)' : `dekking ${t.coveragePercent} %`}; ${t.slips} project(en) verschoven.\n`,
          );
        }
      }, { quiet: true });
    });
  cmd
    .command('import')
    .description('projecten in bulk uit CSV of Excel (.xlsx): elke regel gecontroleerd, alles of niets; hetzelfde bestand twee keer verandert niets')
    .argument('<bestand>', 'het CSV- of Excel-bestand')
    .action(async (file: string) => {
      if (!fs.existsSync(file)) throw new UsageError(`Bestand ${file} bestaat niet.`);
      const format = file.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
      await withDatabase(async ({ db }) => {
        const r = await uploadProjects(db, cliActor(), { content: fs.readFileSync(file), format, fileName: path.basename(file) });
        console.log(`Ingelezen: ${formatInteger(r.lines)} regels; ${formatInteger(r.created)} nieuw, ${formatInteger(r.changed)} bijgewerkt, ${formatInteger(r.unchanged)} ongewijzigd. Upload #${r.uploadId}.`);
      });
    });
  return cmd;
}
