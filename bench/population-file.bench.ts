import { parsePopulationFile } from '../src/domain/regions/population-file.ts';
import { readReferenceData } from '../src/features/regions/reference-data.ts';
import { medianMs, type BenchResult } from './measure.ts';

/**
 * Checking a population file line by line (codes, dates, counts, duplicates, existence on the
 * reference date) against the floor of merely splitting the same text into fields.
 * Scaled to 100,000 lines by repeating the 2021 municipalities with made-up counts.
 */
export async function benchPopulationFile(): Promise<BenchResult> {
  const { municipalities } = readReferenceData();
  const on2021 = municipalities.filter((m) => (m.validFrom ?? '') <= '2021-01-01' && (m.validTo === null || m.validTo > '2021-01-01'));
  const lines = 100_000;
  // Distinct codes are needed to avoid duplicate errors: give each line its own (fake) municipality.
  const fake = Array.from({ length: lines }, (_, i) => ({
    code: `GM${String(i % 10000).padStart(4, '0')}`,
    name: `Gemeente ${i}`,
    provinceCode: on2021[i % on2021.length]!.provinceCode,
    validFrom: null,
    validTo: null,
  }));
  const unique = [...new Map(fake.map((m) => [m.code, m])).values()];
  const rows = unique.map((m, i) => `${m.code},${m.name},${m.provinceCode},${10_000 + i},2021-01-01`);
  const text = ['gemeentecode,gemeentenaam,provinciecode,inwoners,peildatum', ...rows].join('\n');
  const reps = Math.round(lines / rows.length);
  const parse = () => {
    for (let i = 0; i < reps; i++) parsePopulationFile(text, { municipalities: unique, status: 'officieel', source: 'bench' });
  };
  const split = () => {
    for (let i = 0; i < reps; i++) text.split('\n').map((l) => l.split(','));
  };
  const tParse = medianMs(parse, 7, 2);
  const tSplit = medianMs(split, 7, 2);
  return {
    name: `Population file check, ${rows.length * reps} lines (${reps} × ${rows.length})`,
    lines: [
      `parse + validate: ${tParse.toFixed(1)} ms`,
      `plain split into fields: ${tSplit.toFixed(1)} ms`,
      `ratio validate / split: ${(tParse / tSplit).toFixed(1)} ×`,
    ],
  };
}
