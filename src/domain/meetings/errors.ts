/**
 * Typed errors of meetings, attendance, minutes and their Woo redaction. Like `LedgerError` and `AgendaError`:
 * `code` is stable (Dutch kebab-case, it becomes the problem type of the API), `message` is the Dutch detail and
 * `field` names the input that was wrong, as a path the form can highlight (`attendance[3].substituteId`).
 */
export type MeetingErrorCode =
  | 'datum-ongeldig'
  | 'tekst-ontbreekt'
  | 'persoon-ongeldig'
  | 'status-onbekend'
  | 'statusovergang-ongeldig'
  | 'persoon-dubbel'
  | 'geen-lid'
  | 'lid-als-gast'
  | 'lid-ontbreekt'
  | 'vervanger-ontbreekt'
  | 'vervanger-dubbel'
  | 'vervanger-onverwacht'
  | 'vervanger-zelf'
  | 'vervanger-afwezig'
  | 'vervanger-onvolledig'
  | 'gast-onvolledig'
  | 'vaststelling-te-vroeg'
  | 'notulen-vastgesteld'
  | 'notulen-niet-vastgesteld'
  | 'versie-ongeldig'
  | 'agendapunt-ongeldig'
  | 'agendapunt-dubbel'
  | 'redactie-ongeldig'
  | 'redactie-buiten-tekst'
  | 'redactie-overlapt'
  | 'veld-onbekend'
  | 'beoordeling-onbekend'
  | 'beoordeling-dubbel'
  | 'beoordeling-onvolledig';

/**
 * A rule of meetings, minutes or redaction was broken by the input.
 * `new MeetingError('vervanger-ontbreekt', 'Geef op door wie het lid wordt vervangen.', { field: 'attendance[3].substitute' })`
 */
export class MeetingError extends Error {
  override readonly name = 'MeetingError';
  readonly code: MeetingErrorCode;
  readonly field: string | undefined;

  constructor(code: MeetingErrorCode, message: string, where: { field?: string } = {}) {
    super(message);
    this.code = code;
    this.field = where.field;
  }
}
