import type { KeySpec } from './types.ts';

/** A problem on one line of a "bestaande plaatsen" file; the page words it in the current language. */
export interface CsvProblem {
  line: number;
  problem: 'columns' | 'code' | 'count' | 'duplicate' | 'empty';
  value?: string;
}

const AREA_CODE = /^(PV\d{2}|GM\d{4})$/;

/** '1200', '1.200' (Dutch thousands) or '1 200' → 1200; anything else (negative, fractions) → null. */
function wholeCount(raw: string): number | null {
  const compact = raw.replace(/[\s\u00a0]/g, '');
  const digits = /^\d{1,3}(\.\d{3})+$/.test(compact) ? compact.replace(/\./g, '') : compact;
  if (!/^\d+$/.test(digits)) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * Reads a CSV of existing places per area: `code,bestaand` per line, separated by comma, semicolon or tab
 * (Dutch Excel writes semicolons), with or without a header line. All or nothing: on any problem the caller
 * takes over none of the values.
 *
 * `parseExisting('code,bestaand\nPV27,1.200\n')` → `{ values: { PV27: 1200 }, problems: [] }`
 */
export function parseExisting(text: string): { values: Record<string, number>; problems: CsvProblem[] } {
  const values: Record<string, number> = {};
  const problems: CsvProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let seenData = false;
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const cells = raw.split(/[;,\t]/).map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim());
    while (cells.length > 2 && cells[cells.length - 1] === '') cells.pop();
    const [code = '', count = ''] = cells;
    // A first line that is not data (no area code, no number) is the header.
    if (!seenData && !AREA_CODE.test(code.toUpperCase()) && wholeCount(count) === null) {
      seenData = true;
      return;
    }
    seenData = true;
    if (cells.length !== 2) return void problems.push({ line, problem: 'columns' });
    const upper = code.toUpperCase();
    if (!AREA_CODE.test(upper)) return void problems.push({ line, problem: 'code', value: code });
    const n = wholeCount(count);
    if (n === null) return void problems.push({ line, problem: 'count', value: count });
    if (upper in values) return void problems.push({ line, problem: 'duplicate', value: upper });
    values[upper] = n;
  });
  if (problems.length === 0 && Object.keys(values).length === 0) problems.push({ line: 1, problem: 'empty' });
  return { values, problems };
}

/**
 * Reads a key file: one JSON object in the shape of the API's key (preset or indicators, values per area,
 * corrections, exemptions, floors, caps). Only the outer shape is checked here; the server checks the rest and
 * names the field that is wrong.
 *
 * `parseKeyFile('{"preset":"koenigstein","values":{"PV20":{"taxRevenue":1}}}')` → `{ key: {…} }`
 */
export function parseKeyFile(text: string): { key: KeySpec } | { error: 'json'; message: string } | { error: 'not-object' } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { error: 'json', message: e instanceof Error ? e.message : String(e) };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { error: 'not-object' };
  return { key: parsed as KeySpec };
}
