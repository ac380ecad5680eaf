import { Command } from 'commander';
import fs from 'node:fs';
import { formatInteger } from '../../lib/dutch.ts';
import type { ProjectionResult } from '../../domain/projection/index.ts';
import { checkScenario, runComparison, runProjection, splitPipelineOption, usesPipeline, type ScenarioRef } from '../../features/projection/service.ts';
import { withDatabase } from '../context.ts';
import { parseFormat, parseIntegerOption, printRows, progress, UsageError } from '../output.ts';

/** A scenario file, or the name of a scenario saved in the database. */
function readScenario(value: string): ScenarioRef | { name: string } {
  if (fs.existsSync(value)) {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(value, 'utf8'));
    } catch (e) {
      throw new UsageError(`${value} is geen geldige JSON: ${(e as Error).message}`);
    }
    checkScenario(splitPipelineOption(json).json);
    return { scenario: json };
  }
  if (/[/\\]|\.json$/i.test(value)) throw new UsageError(`Bestand ${value} bestaat niet.`);
  return { name: value };
}

async function resolveNamed(ref: ScenarioRef | { name: string }): Promise<ScenarioRef> {
  if (!('name' in ref)) return ref;
  return withDatabase(async ({ db }) => {
    const row = await db.selectFrom('projection_scenario').select('id').where('name', '=', ref.name).executeTakeFirst();
    if (!row) throw new UsageError(`Geen scenariobestand en geen opgeslagen scenario met de naam '${ref.name}'.`);
    return { scenarioId: row.id };
  }, { quiet: true });
}

const BAND_COLUMNS = [
  ['registrationCentre', 'aanmeldcentrum'],
  ['receptionOccupancy', 'opvang'],
  ['permitHoldersWaiting', 'statushouders'],
  ['placesShort', 'tekort'],
] as const;

function rowsOf(r: ProjectionResult) {
  const header = ['week', ...BAND_COLUMNS.flatMap(([, label]) => [`${label} P10`, `${label} P50`, `${label} P90`]), 'kans boven norm'];
  const rows = r.weekStarts.map((week, i) => [
    week,
    ...BAND_COLUMNS.flatMap(([key]) => [Math.round(r.bands[key].p10[i]!), Math.round(r.bands[key].p50[i]!), Math.round(r.bands[key].p90[i]!)]),
    `${Math.round(r.overNormShare[i]! * 100)} %`,
  ]);
  return { header, rows };
}

function summaryLine(r: ProjectionResult): string {
  const w = r.summary.weeksOverNorm;
  return (
    `${r.scenario}: ${formatInteger(r.runs)} runs, seed ${r.seed}, ${r.weeks} weken vanaf ${r.weekStarts[0]}. ` +
    `Weken boven de norm van ${formatInteger(r.registrationCentreNorm)}: P10 ${w.p10}, P50 ${w.p50}, P90 ${w.p90}; ` +
    `grootste tekort aan plaatsen P50 ${formatInteger(Math.round(r.summary.peakPlacesShort.p50))}.\n`
  );
}

export function projectCommand() {
  return new Command('project')
    .description('ketenprognose: P10/P50/P90 per week voor aanmeldcentrum, opvang, wachtende statushouders en tekort aan plaatsen')
    .requiredOption('--scenario <bestand|naam>', 'scenario als JSON-bestand, of de naam van een opgeslagen scenario')
    .option('--compare <bestand|naam>', 'vergelijk met een tweede scenario (zelfde trekkingen; verschil = tweede − eerste)')
    .option('--runs <n>', 'aantal runs (1 t/m 100.000)', '10000')
    .option('--weeks <n>', 'aantal weken (standaard die van het scenario)')
    .option('--seed <n>', 'startwaarde van de toevalsgenerator (0 t/m 4294967295)', '1')
    .option('-f, --format <formaat>', 'table, csv of json', 'table')
    .action(async (opts: { scenario: string; compare?: string; runs: string; weeks?: string; seed: string; format: string }) => {
      const format = parseFormat(opts.format);
      const runs = parseIntegerOption('runs', opts.runs);
      const seed = parseIntegerOption('seed', opts.seed);
      const weeks = opts.weeks === undefined ? undefined : parseIntegerOption('weeks', opts.weeks);
      const a = await resolveNamed(readScenario(opts.scenario));
      const b = opts.compare ? await resolveNamed(readScenario(opts.compare)) : null;
      const bar = progress('Rekenen', 'weken');
      const onProgress = (done: number, total: number) => bar.update(done, total);
      // Inline scenarios need no database unless they take their housing from the pipeline; saved ones are read from it.
      const needsDb = [a, b].some((x) => x !== null && ('scenarioId' in x || usesPipeline(x.scenario)));
      const compute = async (db: Parameters<typeof runProjection>[0]) =>
        b ? { comparison: await runComparison(db, a, b, { runs, seed, weeks, onProgress }) } : { projection: await runProjection(db, a, { runs, seed, weeks, onProgress }) };
      let out;
      try {
        out = needsDb ? await withDatabase(({ db }) => compute(db), { quiet: true }) : await compute(null as unknown as Parameters<typeof runProjection>[0]);
      } finally {
        bar.stop();
      }
      if ('comparison' in out && out.comparison) {
        const c = out.comparison;
        if (format === 'json') {
          printRows(format, [], [], c);
          return;
        }
        const header = ['week', 'aanmeldcentrum P50 a', 'aanmeldcentrum P50 b', 'verschil', 'statushouders P50 a', 'statushouders P50 b', 'verschil'];
        const rows = c.weekStarts.map((week, i) => [
          week,
          Math.round(c.a.bands.registrationCentre.p50[i]!),
          Math.round(c.b.bands.registrationCentre.p50[i]!),
          Math.round(c.difference.p50.registrationCentre[i]!),
          Math.round(c.a.bands.permitHoldersWaiting.p50[i]!),
          Math.round(c.b.bands.permitHoldersWaiting.p50[i]!),
          Math.round(c.difference.p50.permitHoldersWaiting[i]!),
        ]);
        printRows(format, header, rows, c);
        if (format === 'table') {
          const d = c.difference.summary.weeksOverNorm;
          process.stderr.write(summaryLine(c.a) + summaryLine(c.b) + `Verschil in weken boven de norm (b − a, per run): P10 ${d.paired.p10}, P50 ${d.paired.p50}, P90 ${d.paired.p90}.\n`);
        }
        return;
      }
      const r = (out as { projection: ProjectionResult }).projection;
      const { header, rows } = rowsOf(r);
      printRows(format, header, rows, r);
      if (format === 'table') process.stderr.write(summaryLine(r));
    });
}

