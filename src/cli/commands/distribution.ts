import { Command, Option } from 'commander';
import fs from 'node:fs';
import { Value } from '@sinclair/typebox/value';
import '../../lib/formats.ts';
import * as service from '../../features/distribution/service.ts';
import { quotaCsvRows, toDecisionCsv, toDecisionXlsx } from '../../features/distribution/export.ts';
import { DecisionInput, KeySpec, MethodName, PresetName } from '../../features/distribution/schemas.ts';
import type { DecisionViewT } from '../../features/distribution/schemas.ts';
import { parseCsv } from '../../lib/csv.ts';
import { parseCount } from '../../lib/dutch.ts';
import { withDatabase } from '../context.ts';
import { parseIntegerOption, printRows, UsageError } from '../output.ts';

/** `regie quota` and `regie distribute`: compute without storing, for batch use and for checking the API. */
type OutFormat = 'table' | 'csv' | 'json' | 'xlsx';
const OUT_FORMATS: OutFormat[] = ['table', 'csv', 'json', 'xlsx'];

function outFormat(value: string, out: string | undefined): OutFormat {
  if (!(OUT_FORMATS as string[]).includes(value)) throw new UsageError(`Onbekend formaat '${value}'; kies uit ${OUT_FORMATS.join(', ')}.`);
  if (value === 'xlsx' && !out) throw new UsageError('Een Excel-bestand schrijf ik naar een bestand: geef --out <bestand.xlsx>.');
  return value as OutFormat;
}

async function emit(v: DecisionViewT, format: OutFormat, out: string | undefined, plain: { header: string[]; rows: (string | number | null)[][] }) {
  if (format === 'xlsx') {
    fs.writeFileSync(out!, await toDecisionXlsx(v));
    process.stderr.write(`Geschreven: ${out}\n`);
    return;
  }
  let text = '';
  const sink = { write: (s: string) => (text += s) };
  if (format === 'csv' && v.kind === 'verdeling') text = toDecisionCsv(v);
  else printRows(format, plain.header, plain.rows, v, sink);
  if (out) {
    fs.writeFileSync(out, text);
    process.stderr.write(`Geschreven: ${out}\n`);
  } else process.stdout.write(text);
  if (format === 'table') process.stderr.write(`Totaal toegekend: ${v.assignedTotal} van ${v.total} (${v.methodNote}).\n`);
  // Whatever the format, nobody should take an unofficial outcome for an official one.
  if (v.populationStatus !== 'officieel') {
    process.stderr.write(`Let op: de inwonertallen op ${v.referenceDate} zijn ${v.populationStatus}; de uitkomst dus ook.\n`);
  }
}

function validInput(input: unknown): DecisionInput {
  const errors = [...Value.Errors(DecisionInput, input)];
  if (errors.length > 0) {
    const reason = (e: (typeof errors)[number]) =>
      e.schema.format === 'date' ? `'${String(e.value)}' is geen geldige datum (JJJJ-MM-DD)` : `ongeldige waarde '${String(e.value)}' (${e.message})`;
    throw new UsageError([...new Set(errors.map((e) => `${e.path.replace(/^\//, '') || 'invoer'}: ${reason(e)}`))].join('; '));
  }
  return input as DecisionInput;
}

export function quotaCommand() {
  return new Command('quota')
    .description('taakstelling huisvesting vergunninghouders per gemeente voor een halfjaar: ⌈vg · iG / iN⌉ (Huisvestingswet art. 29)')
    .requiredOption('--period <halfjaar>', 'bijv. 2022-II')
    .requiredOption('--national <aantal>', 'het landelijke aantal (vg), bijv. 13500')
    .option('-f, --format <formaat>', 'table, csv, json of xlsx', 'csv')
    .option('-o, --out <bestand>', 'schrijf naar een bestand')
    .action(async (opts: { period: string; national: string; format: string; out?: string }) => {
      const format = outFormat(opts.format, opts.out);
      const input = validInput({ kind: 'taakstelling', period: opts.period, national: parseIntegerOption('national', opts.national) });
      await withDatabase(async ({ db }) => {
        const v = service.previewView(await service.compute(db, input));
        await emit(v, format, opts.out, quotaCsvRows(v));
      }, { quiet: true });
    });
}

/** Reads `code,bestaand` (or `gebiedscode;bestaand`) lines; errors name the line. */
export function readExisting(file: string): Record<string, number> {
  if (!fs.existsSync(file)) throw new UsageError(`Bestand ${file} bestaat niet.`);
  const records = parseCsv(fs.readFileSync(file, 'utf8'));
  const [header, ...rows] = records;
  const cols = header?.fields.map((h) => h.trim().toLowerCase()) ?? [];
  const iCode = cols.findIndex((c) => c === 'code' || c === 'gebiedscode' || c === 'gemeentecode' || c === 'provinciecode');
  const iCount = cols.findIndex((c) => c === 'bestaand' || c === 'bestaande plaatsen' || c === 'plaatsen');
  if (iCode < 0 || iCount < 0) throw new UsageError(`${file}: de kopregel moet 'code' en 'bestaand' bevatten.`);
  const out: Record<string, number> = {};
  const problems: string[] = [];
  for (const r of rows) {
    const code = (r.fields[iCode] ?? '').trim().toUpperCase();
    const n = parseCount(r.fields[iCount] ?? '');
    if (!/^(PV\d{2}|GM\d{4})$/.test(code)) problems.push(`regel ${r.line}: '${code}' is geen gebiedscode`);
    else if (n === null) problems.push(`regel ${r.line}: '${r.fields[iCount] ?? ''}' is geen aantal`);
    else if (code in out) problems.push(`regel ${r.line}: ${code} staat er twee keer in`);
    else out[code] = n;
  }
  if (problems.length > 0) throw new UsageError(`${file} is niet gelezen:\n  ${problems.join('\n  ')}`);
  return out;
}

function readKey(value: string): DecisionInput['key'] {
  if (Value.Check(PresetName, value)) return value;
  if (!fs.existsSync(value)) throw new UsageError(`--key '${value}' is geen ingebouwde sleutel (population, population-ses, koenigstein, eu-relocation-2015, fedasil) en geen bestand.`);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(value, 'utf8'));
  } catch (e) {
    throw new UsageError(`${value} is geen geldige JSON: ${(e as Error).message}`);
  }
  const errors = [...Value.Errors(KeySpec, json)];
  if (errors.length > 0) throw new UsageError(`${value}: ${errors.slice(0, 5).map((e) => `${e.path || '/'} ${e.message}`).join('; ')}`);
  return json as DecisionInput['key'];
}

export function distributeCommand() {
  return new Command('distribute')
    .description('verdeel een aantal over provincies of over de gemeenten van een provincie met een verdeelsleutel en een methode')
    .requiredOption('--total <aantal>', 'het te verdelen aantal, bijv. 51000')
    .addOption(new Option('--level <niveau>', 'province of municipality').choices(['province', 'municipality']).makeOptionMandatory())
    .option('--within <provincie>', 'bij --level municipality: de provincie (PV20 t/m PV31)')
    .option('--key <sleutel>', 'ingebouwde sleutel of een JSON-bestand met de sleutel', 'population')
    .requiredOption('--reference-date <datum>', 'peildatum van de inwonertallen, bijv. 2021-01-01')
    .option('--boundary-date <datum>', 'datum van de gemeentelijke indeling (standaard de laatst bekende)')
    .addOption(new Option('--method <methode>', 'afrondingsmethode').choices(MethodName.anyOf.map((m) => m.const as string)).default('largest-remainder'))
    .option('--existing <bestand>', 'CSV met bestaande plaatsen per gebied (code,bestaand)')
    .option('-f, --format <formaat>', 'table, csv, json of xlsx', 'table')
    .option('-o, --out <bestand>', 'schrijf naar een bestand')
    .action(async (opts: { total: string; level: string; within?: string; key: string; referenceDate: string; boundaryDate?: string; method: string; existing?: string; format: string; out?: string }) => {
      const format = outFormat(opts.format, opts.out);
      const input = validInput({
        kind: 'verdeling',
        level: opts.level,
        ...(opts.within ? { within: opts.within.toUpperCase() } : {}),
        total: parseIntegerOption('total', opts.total),
        method: opts.method,
        key: readKey(opts.key),
        referenceDate: opts.referenceDate,
        ...(opts.boundaryDate ? { boundaryDate: opts.boundaryDate } : {}),
        ...(opts.existing ? { existing: readExisting(opts.existing) } : {}),
      });
      await withDatabase(async ({ db }) => {
        const v = service.previewView(await service.compute(db, input));
        await emit(v, format, opts.out, {
          header: ['code', 'naam', 'inwoners', 'status', 'quotum', 'toegekend', 'bestaand', 'nog te realiseren', 'toelichting'],
          rows: v.areas.map((a) => [a.code, a.name, a.population, a.populationStatus, a.quotaDecimal, a.assigned, a.existing, a.toRealise, a.explanation]),
        });
      }, { quiet: true });
    });
}
