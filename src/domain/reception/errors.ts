/**
 * Typed errors of reception monitoring. Like `LedgerError`: `code` is stable (Dutch kebab-case, it becomes the
 * problem type of the API), `message` is the Dutch detail, `field` and `locationCodes` point at what was wrong.
 */
export type ReceptionErrorCode =
  | 'datum-ongeldig'
  | 'periode-ongeldig'
  | 'locatiecode-ongeldig'
  | 'locatie-dubbel'
  | 'gemeentecode-ongeldig'
  | 'locatietype-onbekend'
  | 'gebeurtenis-onbekend'
  | 'plaatsen-ongeldig'
  | 'opening-ontbreekt'
  | 'al-geopend'
  | 'capaciteit-negatief'
  | 'sluiting-aantal-onjuist'
  | 'norm-ongeldig'
  | 'normen-overlappen'
  | 'bezetting-ongeldig'
  | 'boete-ongeldig'
  | 'boete-te-groot'
  | 'parameter-ongeldig'
  | 'reeks-te-kort'
  | 'aandeel-ongeldig'
  | 'provincie-dubbel'
  | 'provincie-onbekend';

/**
 * A rule of reception monitoring was broken by the input.
 * `new ReceptionError('opening-ontbreekt', 'TERAPEL: sluiting op 2021-12-31, maar de locatie is dan niet open.', { field: 'events[1].date' })`
 */
export class ReceptionError extends Error {
  override readonly name = 'ReceptionError';
  readonly code: ReceptionErrorCode;
  readonly field: string | undefined;
  readonly locationCodes: readonly string[];

  constructor(code: ReceptionErrorCode, message: string, where: { field?: string; locationCodes?: readonly string[] } = {}) {
    super(message);
    this.code = code;
    this.field = where.field;
    this.locationCodes = where.locationCodes ?? [];
  }
}
