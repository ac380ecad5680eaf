import { Command } from 'commander';
import { listActions, newlyOverdueActions } from '../../features/agenda/actions.ts';
import { reportStatus } from '../../features/agenda/reports.ts';
import { withDatabase } from '../context.ts';
import { parseFormat, parseIntegerOption, printRows, UsageError } from '../output.ts';

export function actionsCommand() {
  const cmd = new Command('actions').description('de actieagenda');
  cmd
    .command('overdue')
    .description('acties over de termijn (niet gereed of vervallen), oudste termijn eerst')
    .option('--province <code>', 'alleen acties van deze provincie')
    .option('--new <dagen>', 'alleen acties die in de laatste zoveel dagen over de termijn raakten')
    .option('-f, --format <formaat>', 'table, csv of json', 'table')
    .action(async (opts: { province?: string; new?: string; format: string }) => {
      const format = parseFormat(opts.format);
      await withDatabase(async ({ db }) => {
        const r = opts.new
          ? await newlyOverdueActions(db, parseIntegerOption('new', opts.new))
          : await listActions(db, { overdue: true, province: opts.province?.toUpperCase() });
        const items = opts.province ? r.items.filter((a) => a.provinceCode === opts.province!.toUpperCase()) : r.items;
        printRows(
          format,
          ['actie', 'programma', 'maatregel', 'houder', 'provincie', 'termijn', 'status', 'omschrijving'],
          items.map((a) => [a.id, a.programme.code, a.measure.number, [a.holder.organisation, a.holder.person].filter(Boolean).join(' — '), a.provinceCode, a.deadline, a.status, a.description]),
          { today: r.today, items },
        );
        if (format === 'table') process.stderr.write(`${items.length} actie(s) over de termijn op ${r.today}.\n`);
      }, { quiet: true });
    });
  return cmd;
}

export function reportsCommand() {
  const cmd = new Command('reports').description('maandrapportages van de provincies');
  cmd
    .command('status')
    .description('volledigheid en tijdigheid per provincie: verwacht, ontvangen, op tijd')
    .option('--month <maand>', 'één maand, bijv. 2022-07 (standaard alle verwachte maanden)')
    .option('-f, --format <formaat>', 'table, csv of json', 'table')
    .action(async (opts: { month?: string; format: string }) => {
      const format = parseFormat(opts.format);
      if (opts.month && !/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.month)) throw new UsageError(`--month moet een maand zijn zoals 2022-07, niet '${opts.month}'.`);
      await withDatabase(async ({ db }) => {
        const r = await reportStatus(db, { month: opts.month });
        if (opts.month && r.months.length === 0) throw new UsageError(`Voor ${opts.month} wordt (nog) geen rapportage verwacht.`);
        printRows(
          format,
          ['provinciecode', 'provincie', 'verwacht', 'ontvangen', 'op tijd', 'volledigheid %', 'tijdigheid %'],
          r.provinces.map((p) => [p.province, r.provinceNames[p.province] ?? p.province, p.expected, p.received, p.onTime, p.completenessPercent, p.timelinessPercent]),
          r,
        );
      }, { quiet: true });
    });
  return cmd;
}
