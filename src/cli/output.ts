import cliProgress from 'cli-progress';
import { AppError } from '../platform/http/errors.ts';
import { ConfigError } from '../platform/config.ts';
import { toCsv } from '../lib/csv.ts';

export type Format = 'table' | 'csv' | 'json';
export const FORMATS: readonly Format[] = ['table', 'csv', 'json'];

export class UsageError extends Error {}

export function parseFormat(value: string): Format {
  if (!(FORMATS as readonly string[]).includes(value)) {
    throw new UsageError(`Onbekend formaat '${value}'; kies uit ${FORMATS.join(', ')}.`);
  }
  return value as Format;
}

export function parseIntegerOption(name: string, value: string): number {
  if (!/^-?\d+$/.test(value.trim())) throw new UsageError(`--${name} moet een geheel getal zijn, niet '${value}'.`);
  return Number(value);
}

/** Prints rows as an aligned table (numbers right-aligned), CSV or JSON. */
export function printRows(format: Format, header: string[], rows: (string | number | null)[][], json: unknown, out: { write(s: string): unknown } = process.stdout) {
  if (format === 'json') {
    out.write(JSON.stringify(json, null, 2) + '\n');
    return;
  }
  if (format === 'csv') {
    out.write(toCsv(header, rows));
    return;
  }
  const text = rows.map((r) => r.map((v) => (v === null ? '' : typeof v === 'number' ? new Intl.NumberFormat('nl-NL').format(v) : v)));
  const widths = header.map((h, i) => Math.max(h.length, ...text.map((r) => r[i]!.length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => r[i] === null || typeof r[i] === 'number'));
  const line = (cells: string[]) =>
    cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  out.write([line(header), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)].join('\n') + '\n');
}

/** A progress bar on a terminal; on a pipe or in CI a line per 10 % so logs stay readable. */
export function progress(label: string, unit = 'regels') {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit}`, stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done: number, total: number) {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  let lastTenth = -1;
  return {
    update(done: number, total: number) {
      const tenth = Math.floor((done / Math.max(total, 1)) * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        process.stderr.write(`${label}: ${done}/${total} ${unit} (${tenth * 10}%)\n`);
      }
    },
    stop() {},
  };
}

/** Prints an error the way a civil servant can act on it and returns the exit code. */
export function reportError(e: unknown): number {
  if (e instanceof UsageError || e instanceof ConfigError) {
    process.stderr.write(`Fout: ${e.message}\n`);
    return 2;
  }
  if (e instanceof AppError) {
    process.stderr.write(`Fout: ${e.detail}\n`);
    for (const p of e.invalidParams) process.stderr.write(`  - ${p.reason}\n`);
    return 1;
  }
  process.stderr.write(`Onverwachte fout: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return 70;
}
