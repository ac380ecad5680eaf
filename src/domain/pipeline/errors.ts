/**
 * Typed errors of the housing supply pipeline. Like `LedgerError`: `code` is stable (Dutch kebab-case, it becomes the
 * problem type of the API), `message` is the Dutch detail and `field` names the input that was wrong, as a path a form
 * can highlight (`projects[3].reservedUnits`).
 */
export type PipelineErrorCode =
  | 'status-onbekend'
  | 'statusovergang-ongeldig'
  | 'datum-ongeldig'
  | 'maand-ongeldig'
  | 'periode-ongeldig'
  | 'aantal-ongeldig'
  | 'aandeel-ongeldig'
  | 'kosten-ongeldig'
  | 'spoorcode-ongeldig'
  | 'tekst-ongeldig'
  | 'gemeentecode-ongeldig'
  | 'gemeente-onbekend'
  | 'personen-per-woning-ongeldig'
  | 'weken-ongeldig'
  | 'groepering-ongeldig';

/**
 * A rule of the pipeline was broken by the input.
 * `new PipelineError('aantal-ongeldig', 'voor statushouders (12) is meer dan het aantal woningen (10).', { field: 'reservedUnits' })`
 */
export class PipelineError extends Error {
  override readonly name = 'PipelineError';
  readonly code: PipelineErrorCode;
  readonly field: string | undefined;

  constructor(code: PipelineErrorCode, message: string, where: { field?: string } = {}) {
    super(message);
    this.code = code;
    this.field = where.field;
  }
}
