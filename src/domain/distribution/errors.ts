/**
 * Typed errors of the distribution engine. The API turns them into application/problem+json: `code` becomes the
 * problem type and stays stable, `message` is the Dutch detail, `field` and `areaIds` point at what was wrong.
 * Codes are Dutch kebab-case like the rest of the API's problem codes.
 */
export type DistributionErrorCode =
  | 'totaal-ongeldig'
  | 'methode-onbekend'
  | 'gebied-ongeldig'
  | 'gebied-dubbel'
  | 'gebied-onbekend'
  | 'gewicht-ongeldig'
  | 'gewichten-nul'
  | 'minimum-ongeldig'
  | 'maximum-ongeldig'
  | 'minimum-boven-maximum'
  | 'minima-boven-totaal'
  | 'maxima-onder-totaal'
  | 'sleutel-leeg'
  | 'sleutelgewicht-ongeldig'
  | 'sleutelgewichten-niet-een'
  | 'indicator-dubbel'
  | 'indicator-ontbreekt'
  | 'indicatorwaarde-ongeldig'
  | 'indicator-som-nul'
  | 'inverse-waarde-nul'
  | 'correctie-ongeldig'
  | 'vrijstelling-met-minimum'
  | 'bestaand-ongeldig'
  | 'niveau-zonder-sleutel'
  | 'ruil-aantal-ongeldig'
  | 'ruil-zelfde-gebied'
  | 'ruil-andere-ouder'
  | 'ruil-onder-nul'
  | 'periode-ongeldig'
  | 'landelijk-aantal-ongeldig'
  | 'landelijk-inwonertal-ongeldig'
  | 'inwonertal-ontbreekt'
  | 'inwonertal-ongeldig';

/**
 * A rule of the distribution was broken by the input.
 * `new DistributionError('gewichten-nul', 'De gewichten tellen op tot 0; er valt niets te verdelen.', { field: 'weights' })`
 */
export class DistributionError extends Error {
  override readonly name = 'DistributionError';
  readonly code: DistributionErrorCode;
  /** The input field that was wrong, e.g. 'weights', 'floors', 'key.indicators[2].weight'. */
  readonly field: string | undefined;
  /** The areas (codes) the error is about, if any. */
  readonly areaIds: readonly string[];

  constructor(code: DistributionErrorCode, message: string, where: { field?: string; areaIds?: readonly string[] } = {}) {
    super(message);
    this.code = code;
    this.field = where.field;
    this.areaIds = where.areaIds ?? [];
  }
}

/** Shows at most a handful of codes in a message; the full list is in `areaIds`. */
export function listCodes(ids: readonly string[], max = 10): string {
  const shown = ids.slice(0, max).join(', ');
  return ids.length > max ? `${shown} en ${ids.length - max} meer` : shown;
}
