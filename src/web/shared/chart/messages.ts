/** Texts of the chart frame (every chart of the app), Dutch first. */
export const nl = {
  showTable: 'Toon als tabel',
  showChart: 'Toon als grafiek',
  downloads: 'Downloaden',
  downloadCsv: 'CSV',
  downloadSvg: 'SVG',
  downloadPng: 'PNG',
  /** The accessible name of a download button: the format and what it holds. */
  downloadLabel: (format: string, caption: string) => `Download ${caption} als ${format}`,
  noValue: '–',
  failed: 'Het bestand kon niet worden gemaakt. Probeer het opnieuw of download de CSV.',
};

export type ChartMessages = typeof nl;

export const en: ChartMessages = {
  showTable: 'Show as table',
  showChart: 'Show as chart',
  downloads: 'Download',
  downloadCsv: 'CSV',
  downloadSvg: 'SVG',
  downloadPng: 'PNG',
  downloadLabel: (format: string, caption: string) => `Download ${caption} as ${format}`,
  noValue: '–',
  failed: 'The file could not be made. Try again or download the CSV.',
};
