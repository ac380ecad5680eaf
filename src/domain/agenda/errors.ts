/**
 * Typed errors of the action agenda, the escalation ladder and the monthly provincial reports. Like `LedgerError`:
 * `code` is stable (Dutch kebab-case, it becomes the problem type of the API), `message` is the Dutch detail and
 * `field` names the input that was wrong, as a path the form can highlight (`levels[2].afterDays`).
 */
export type AgendaErrorCode =
  | 'datum-ongeldig'
  | 'maand-ongeldig'
  | 'jaar-ongeldig'
  | 'getal-ongeldig'
  | 'tekst-ontbreekt'
  | 'tekst-te-lang'
  | 'provincie-ongeldig'
  | 'maatregel-ongeldig'
  | 'status-onbekend'
  | 'statusovergang-ongeldig'
  | 'reden-ontbreekt'
  | 'termijn-ongeldig'
  | 'voortgang-ongeldig'
  | 'ladder-ongeldig'
  | 'werkdag-ongeldig'
  | 'rapportage-onvolledig'
  | 'rapportage-vergrendeld'
  | 'rapportage-dubbel'
  | 'provincie-dubbel';

/**
 * A rule of the agenda was broken by the input.
 * `new AgendaError('reden-ontbreekt', 'Geef een reden op voor het verlengen van de termijn.', { field: 'reason' })`
 */
export class AgendaError extends Error {
  override readonly name = 'AgendaError';
  readonly code: AgendaErrorCode;
  readonly field: string | undefined;

  constructor(code: AgendaErrorCode, message: string, where: { field?: string } = {}) {
    super(message);
    this.code = code;
    this.field = where.field;
  }
}
