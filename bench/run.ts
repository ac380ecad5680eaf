/**
 * Benchmarks, reported as ratios measured in one run (the machines are shared and noisy, so
 * absolute times mean little). Run: `npm run bench` (all), or name some: `npm run bench -- load throughput`.
 * Results go to stdout; docs/BENCHMARKS.md records a run.
 */
import { benchPopulationFile } from './population-file.bench.ts';
import { benchDistribution } from './distribution.bench.ts';
import { benchRealisationImport } from './realisation-import.bench.ts';
import { benchProjection } from './projection.bench.ts';
import { benchApiThroughput } from './api-throughput.bench.ts';
import { benchLoad } from './load.bench.ts';
import { benchPageLoad } from './page-load.bench.ts';
import type { BenchResult } from './measure.ts';

const BENCHES: Record<string, () => Promise<BenchResult>> = {
  population: benchPopulationFile,
  distribution: benchDistribution,
  import: benchRealisationImport,
  projection: benchProjection,
  throughput: benchApiThroughput,
  load: benchLoad,
  pages: benchPageLoad,
};

const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !(a in BENCHES));
if (unknown.length > 0) {
  console.error(`Onbekende benchmark: ${unknown.join(', ')}. Kies uit: ${Object.keys(BENCHES).join(', ')}.`);
  process.exit(2);
}
for (const key of asked.length > 0 ? asked : Object.keys(BENCHES)) {
  // Printed as each finishes: the whole set takes minutes.
  const r = await BENCHES[key]!();
  console.log(`\n${r.name}`);
  for (const line of r.lines) console.log(`  ${line}`);
}
