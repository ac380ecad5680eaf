/**
 * Typed errors of the ledger and the supervision ladder. Like `DistributionError`: `code` is stable (Dutch
 * kebab-case, it becomes the problem type of the API), `message` is the Dutch detail, `field` and `municipalityCodes`
 * point at what was wrong.
 */
export type LedgerErrorCode =
  | 'periode-ongeldig'
  | 'datum-ongeldig'
  | 'maand-ongeldig'
  | 'maandindex-ongeldig'
  | 'periode-dubbel'
  | 'periode-gat'
  | 'taakstelling-ongeldig'
  | 'ruil-ongeldig'
  | 'realisatie-ongeldig'
  | 'realisatie-buiten-periode'
  | 'achterstand-ongeldig'
  | 'overdracht-buiten-historie'
  | 'vrijstelling-ongeldig'
  | 'gemeente-dubbel'
  | 'herindeling-ongeldig'
  | 'herindeling-kring'
  | 'herindeling-historie'
  | 'opsplitsing-zonder-verdeling'
  | 'opsplitsing-verdeling-onjuist'
  | 'stap-onbekend';

/**
 * A rule of the ledger was broken by the input.
 * `new LedgerError('periode-gat', 'Na 2022-I ontbreekt 2022-II.', { field: 'periods' })`
 */
export class LedgerError extends Error {
  override readonly name = 'LedgerError';
  readonly code: LedgerErrorCode;
  readonly field: string | undefined;
  readonly municipalityCodes: readonly string[];

  constructor(code: LedgerErrorCode, message: string, where: { field?: string; municipalityCodes?: readonly string[] } = {}) {
    super(message);
    this.code = code;
    this.field = where.field;
    this.municipalityCodes = where.municipalityCodes ?? [];
  }
}
