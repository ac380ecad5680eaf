import ExcelJS from 'exceljs';
import { toCsv } from '../../lib/csv.ts';
import { formatDate } from '../../lib/dutch.ts';
import type { DecisionViewT } from './schemas.ts';
import { METHOD_LABELS } from './service.ts';

/**
 * Exports with a header block that states what the figures rest on (key, method, reference date,
 * totals, status), so a sheet passed around by e-mail still says where it came from.
 */
export function headerBlock(v: DecisionViewT): [string, string][] {
  const key = typeof v.key === 'string' ? v.key : JSON.stringify(v.key);
  return [
    ['Besluit', v.number ? `${v.number} (${v.status})` : v.status === 'berekening' ? 'berekening (niet opgeslagen)' : `concept ${v.id}`],
    ['Titel', v.title],
    ['Soort', v.kind === 'taakstelling' ? `taakstelling ${v.period}` : `verdeling over ${v.level === 'province' ? 'provincies' : `gemeenten${v.parentCode ? ` van ${v.parentCode}` : ''}`}`],
    ['Te verdelen', String(v.total)],
    ['Toegekend', String(v.assignedTotal)],
    ['Sleutel', key],
    ['Methode', `${v.method}: ${METHOD_LABELS[v.method] ?? v.method}`],
    ['Peildatum inwonertallen', `${v.referenceDate} (${formatDate(v.referenceDate)})`],
    ['Gemeentelijke indeling', `${v.boundaryDate} (${formatDate(v.boundaryDate)})`],
    ...(v.nationalPopulation !== null ? ([['Inwonertal Nederland (iN)', String(v.nationalPopulation)]] as [string, string][]) : []),
    ['Status inwonertallen', v.populationStatus === 'onofficieel' ? 'onofficieel: niet door het CBS vastgesteld' : v.populationStatus],
    ['Toelichting methode', v.methodNote],
    ...(v.publishedAt ? ([['Gepubliceerd', `${v.publishedAt} door ${v.publishedBy}`]] as [string, string][]) : []),
  ];
}

const COLUMNS = ['code', 'naam', 'provinciecode', 'inwoners', 'status inwoners', 'quotum', 'toegekend', 'bestaand', 'nog te realiseren', 'toelichting'];

function rows(v: DecisionViewT) {
  return v.areas.map((a) => [a.code, a.name, a.parentCode ?? '', a.population, a.populationStatus, a.quotaDecimal, a.assigned, a.existing, a.toRealise, a.explanation]);
}

/** CSV: the header block as `# key: value` lines, then one row per area. */
export function toDecisionCsv(v: DecisionViewT): string {
  const head = headerBlock(v)
    .map(([k, val]) => `# ${k}: ${val}`)
    .join('\n');
  return `${head}\n${toCsv(COLUMNS, rows(v))}`;
}

/** The plain table the CLI's `regie quota` prints (the columns the issue names). */
export function quotaCsvRows(v: DecisionViewT) {
  return {
    header: ['gemeentecode', 'gemeentenaam', 'provinciecode', 'inwoners', 'taakstelling'],
    rows: v.areas.map((a) => [a.code, a.name, a.parentCode, a.population, a.assigned] as (string | number | null)[]),
  };
}

export async function toDecisionXlsx(v: DecisionViewT): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Regietafel';
  const ws = wb.addWorksheet(v.kind === 'taakstelling' ? `Taakstelling ${v.period}` : 'Verdeling');
  const header = headerBlock(v);
  for (const [k, val] of header) {
    const row = ws.addRow([k, val]);
    row.getCell(1).font = { bold: true };
  }
  ws.addRow([]);
  const head = ws.addRow(COLUMNS);
  head.font = { bold: true };
  for (const r of rows(v)) ws.addRow(r);
  ws.getColumn(2).width = 28;
  ws.getColumn(10).width = 60;
  for (const c of [4, 7, 8, 9]) ws.getColumn(c).numFmt = '#,##0';
  ws.views = [{ state: 'frozen', ySplit: header.length + 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
