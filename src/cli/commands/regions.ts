import { Command } from 'commander';
import * as service from '../../features/regions/service.ts';
import { parseDutchOrIsoDate, formatDate, formatInteger } from '../../lib/dutch.ts';
import { cliActor, withDatabase } from '../context.ts';
import { parseFormat, parseIntegerOption, printRows, UsageError } from '../output.ts';

export function regionsCommand() {
  return new Command('regions')
    .description('toon de gemeenten van een jaar met provincie en het laatst beschikbare inwonertal (met peildatum en status)')
    .option('-y, --year <jaar>', 'kalenderjaar: de indeling op 1 januari (standaard het laatste bekende jaar)')
    .option('--province <code>', 'alleen de gemeenten van deze provincie (PV20 t/m PV31)')
    .option('--provinces', 'toon provincies in plaats van gemeenten')
    .option('-f, --format <formaat>', 'table, csv of json', 'table')
    .action(async (opts: { year?: string; province?: string; provinces?: boolean; format: string }) => {
      const format = parseFormat(opts.format);
      const year = opts.year === undefined ? undefined : parseIntegerOption('year', opts.year);
      const province = opts.province?.toUpperCase();
      if (province && !/^PV\d{2}$/.test(province)) throw new UsageError(`--province '${opts.province}' is geen provinciecode (PV20 t/m PV31).`);
      await withDatabase(
        async (database) => {
          const db = database.db;
          const y = year ?? (await service.coverage(db)).defaultYear;
          if (opts.provinces) {
            const result = await service.provinces(db, y);
            printRows(
              format,
              ['provinciecode', 'provincienaam', 'gemeenten', 'inwoners', 'peildatum', 'status', 'opmerking'],
              result.items.map((p) => [p.code, p.name, p.municipalityCount, p.population.inhabitants, p.population.referenceDate, p.population.status, p.population.missing]),
              result,
            );
            return;
          }
          const result = await service.municipalities(db, y, province);
          printRows(
            format,
            ['gemeentecode', 'gemeentenaam', 'provinciecode', 'provincienaam', 'inwoners', 'peildatum', 'status', 'basis', 'opmerking'],
            result.items.map((m) => [
              m.code,
              m.name,
              m.provinceCode,
              m.provinceName,
              m.population.inhabitants,
              m.population.referenceDate,
              m.population.status,
              m.population.basis,
              m.population.missing ?? (m.validTo ? `opgeheven per ${m.validTo}` : null),
            ]),
            result,
          );
          if (format === 'table') {
            const unofficial = result.items.filter((m) => m.population.status === 'onofficieel').length;
            if (unofficial > 0) {
              process.stderr.write(`Let op: ${unofficial} cijfers zijn onofficieel (niet door het CBS vastgesteld).\n`);
            }
          }
        },
        { quiet: format !== 'table' },
      );
    });
}

export function populationCommand() {
  const cmd = new Command('population').description('inwonertallen');
  cmd
    .command('set')
    .description('leg het inwonertal vast dat de provincie heeft vastgesteld voor een gemeente met gewijzigde grenzen (Huisvestingswet art. 30)')
    .argument('<gemeentecode>', 'bijv. GM0757')
    .requiredOption('--peildatum <datum>', 'peildatum, bijv. 2020-01-01')
    .requiredOption('--inwoners <aantal>', 'het vastgestelde inwonertal')
    .requiredOption('--reden <tekst>', 'het besluit of de reden, bijv. "GS-besluit 2021/123"')
    .action(async (code: string, opts: { peildatum: string; inwoners: string; reden: string }) => {
      const referenceDate = parseDutchOrIsoDate(opts.peildatum);
      if (!referenceDate) throw new UsageError(`--peildatum '${opts.peildatum}' is geen datum (JJJJ-MM-DD).`);
      const inhabitants = parseIntegerOption('inwoners', opts.inwoners);
      await withDatabase(async (database) => {
        const existing = await service.provinceFigure(database.db, code.toUpperCase(), referenceDate).catch(() => undefined);
        const r = await service.setPopulationByProvince(database.db, cliActor(), {
          municipalityCode: code.toUpperCase(),
          referenceDate,
          inhabitants,
          reason: opts.reden,
          expectedVersion: existing?.version,
        });
        console.log(`Vastgelegd: ${r.municipalityName}: ${formatInteger(r.inhabitants)} inwoners op ${formatDate(r.referenceDate)} (versie ${r.version}).`);
      });
    });
  cmd
    .command('list')
    .description('toon de vastgelegde inwonertallen op een peildatum')
    .argument('<peildatum>', 'bijv. 2021-01-01')
    .option('-f, --format <formaat>', 'table, csv of json', 'table')
    .action(async (date: string, opts: { format: string }) => {
      const format = parseFormat(opts.format);
      const referenceDate = parseDutchOrIsoDate(date);
      if (!referenceDate) throw new UsageError(`'${date}' is geen datum (JJJJ-MM-DD).`);
      await withDatabase(
        async (database) => {
          const r = await service.populationOn(database.db, referenceDate);
          printRows(
            format,
            ['gemeentecode', 'gemeentenaam', 'provinciecode', 'inwoners', 'status', 'bron'],
            r.items.map((i) => [i.municipalityCode, i.municipalityName, i.provinceCode, i.inhabitants, i.status, i.source]),
            r,
          );
          if (format === 'table' && r.national) {
            const sum = r.items.reduce((s, i) => s + i.inhabitants, 0);
            process.stderr.write(
              `Som gemeenten: ${formatInteger(sum)}; Nederland op ${formatDate(referenceDate)} (${r.national.status}): ${formatInteger(r.national.inhabitants)}.\n`,
            );
          }
        },
        { quiet: format !== 'table' },
      );
    });
  return cmd;
}
