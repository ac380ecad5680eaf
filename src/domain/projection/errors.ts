/**
 * Typed errors of the chain projection. Like `LedgerError`: `code` is stable (Dutch kebab-case, it becomes the
 * problem type of the API), `message` is the Dutch detail, `field` is the path of the scenario field that was wrong
 * (e.g. 'inflowPerWeek.sd', 'capacity.changes[2].week').
 */
export type ProjectionErrorCode =
  | 'scenario-ongeldig'
  | 'veld-ontbreekt'
  | 'veld-onbekend'
  | 'veld-ongeldig'
  | 'getal-ongeldig'
  | 'datum-ongeldig'
  | 'capaciteit-negatief'
  | 'opties-ongeldig'
  | 'scenarios-onvergelijkbaar';

/**
 * A scenario or an option of the projection was not acceptable.
 * `new ProjectionError('getal-ongeldig', 'permitShare.mean moet tussen 0 en 1 liggen (gegeven: 1.4).', { field: 'permitShare.mean' })`
 */
export class ProjectionError extends Error {
  override readonly name = 'ProjectionError';
  readonly code: ProjectionErrorCode;
  readonly field: string | undefined;

  constructor(code: ProjectionErrorCode, message: string, where: { field?: string } = {}) {
    super(message);
    this.code = code;
    this.field = where.field;
  }
}
