import { describe, expect, it } from 'vitest';
import { cellText, chartCsv, csvNumber, csvText, fileBaseName, inlineStyle, svgDataUrl, svgFile, viewBoxSize, type ChartTable } from './serialise.ts';

const table: ChartTable = {
  caption: 'Bezetting per soort',
  columns: [{ header: 'Soort' }, { header: 'Capaciteit', numeric: true }, { header: 'Bezetting; in %', numeric: true, format: (n) => `${n} %` }],
  rows: [
    ['Aanmeldcentrum', 2000, 109.7],
    ['AZC "Oost"', 12500, null],
  ],
  footer: ['Totaal', 14500, -0.5],
};

describe('chart CSV', () => {
  it('writes Dutch Excel: BOM, semicolons, decimal comma, no thousands separator, CRLF, the totals row last', () => {
    expect(chartCsv([table])).toBe(
      '\uFEFFSoort;Capaciteit;"Bezetting; in %"\r\n' + 'Aanmeldcentrum;2000;109,7\r\n' + '"AZC ""Oost""";12500;\r\n' + 'Totaal;14500;-0,5\r\n',
    );
  });

  it('puts each table under its caption when a chart has several, separated by an empty line', () => {
    const second: ChartTable = { caption: 'Voorspelling', columns: [{ header: 'Datum' }, { header: 'Waarde' }], rows: [['2022-07-09', 2191]] };
    const csv = chartCsv([table, second]);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFBezetting per soort',
      'Soort;Capaciteit;"Bezetting; in %"',
      'Aanmeldcentrum;2000;109,7',
      '"AZC ""Oost""";12500;',
      'Totaal;14500;-0,5',
      '',
      'Voorspelling',
      'Datum;Waarde',
      '2022-07-09;2191',
      '',
    ]);
  });

  it('rounds floating-point noise away but keeps real decimals', () => {
    expect(csvNumber(0.1 + 0.2)).toBe('0,3');
    expect(csvNumber(1234567.891)).toBe('1234567,891');
    expect(csvNumber(-12)).toBe('-12');
    expect(csvNumber(Number.NaN)).toBe('');
  });

  it('defuses texts Excel would run as a formula', () => {
    expect(csvText('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvText('@cmd')).toBe("'@cmd");
    expect(csvText('-1+1')).toBe("'-1+1");
    expect(csvText('Den Haag')).toBe('Den Haag');
  });
});

describe('table cells', () => {
  it('shows the column format for numbers, the locale format otherwise, and a dash for nothing', () => {
    const nlNumber = (n: number) => new Intl.NumberFormat('nl-NL').format(n);
    expect(cellText(table.columns[1]!, 12500, nlNumber)).toBe('12.500');
    expect(cellText(table.columns[2]!, 109.7, nlNumber)).toBe('109.7 %');
    expect(cellText(table.columns[0]!, 'Aanmeldcentrum', nlNumber)).toBe('Aanmeldcentrum');
    expect(cellText(table.columns[1]!, null, nlNumber)).toBe('–');
  });
});

describe('SVG file', () => {
  it('inlines only the properties that have a value', () => {
    const computed: Record<string, string> = { fill: 'rgb(0, 0, 0)', stroke: ' none ', 'font-size': '13px', color: 'red' };
    expect(inlineStyle((p) => computed[p] ?? '')).toBe('fill:rgb(0, 0, 0);stroke:none;font-size:13px');
  });

  it('reads the size from the viewBox and refuses a broken one', () => {
    expect(viewBoxSize('0 0 720 300')).toEqual({ width: 720, height: 300 });
    expect(viewBoxSize('0,0,600,260')).toEqual({ width: 600, height: 260 });
    expect(viewBoxSize(null)).toBeNull();
    expect(viewBoxSize('0 0 0 10')).toBeNull();
    expect(viewBoxSize('0 0 a 10')).toBeNull();
  });

  it('makes a stand-alone file and a data URL that decodes to the same markup', () => {
    const markup = '<svg xmlns="http://www.w3.org/2000/svg"><text>100 % & méér</text></svg>';
    expect(svgFile(markup)).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n${markup}\n`);
    const url = svgDataUrl(markup);
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(markup);
  });

  it('names files after the caption, without accents or punctuation', () => {
    expect(fileBaseName('Bezetting van Aanmeldcentrum Ter Apel per dag, 2 april 2022')).toBe('bezetting-van-aanmeldcentrum-ter-apel-per-dag-2-april-2022');
    expect(fileBaseName('Privé – overzicht (%)')).toBe('prive-overzicht');
    expect(fileBaseName('!!!')).toBe('grafiek');
  });
});
