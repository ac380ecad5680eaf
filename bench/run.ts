/**
 * Benchmarks, reported as ratios measured in one run (the machines are shared and noisy, so
 * absolute times mean little). Run: `npm run bench`. Results go to stdout; docs/BENCHMARKS.md
 * records a run.
 */
import { benchPopulationFile } from './population-file.bench.ts';
import { benchDistribution } from './distribution.bench.ts';
import { benchRealisationImport } from './realisation-import.bench.ts';
import { benchProjection } from './projection.bench.ts';

const results = [await benchPopulationFile(), await benchDistribution(), await benchRealisationImport(), await benchProjection()];
for (const r of results) {
  console.log(`\n${r.name}`);
  for (const line of r.lines) console.log(`  ${line}`);
}
