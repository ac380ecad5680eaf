import { traceToReferenceDate, type Reorganisation } from './regions.ts';

export type PopulationStatus = 'officieel' | 'voorlopig' | 'onofficieel';
export const POPULATION_STATUSES: readonly PopulationStatus[] = ['officieel', 'voorlopig', 'onofficieel'];

/** Higher is stronger: an official table replaces a provisional or unofficial one, never the other way round. */
export const STATUS_RANK: Record<PopulationStatus, number> = { officieel: 3, voorlopig: 2, onofficieel: 1 };

/** A figure derived from several figures is only as good as the weakest of them. */
export function weakestStatus(statuses: readonly PopulationStatus[]): PopulationStatus {
  if (statuses.length === 0) throw new RangeError('geen status om te vergelijken');
  return statuses.reduce((a, b) => (STATUS_RANK[b] < STATUS_RANK[a] ? b : a));
}

export interface PopulationFigure {
  municipalityCode: string;
  inhabitants: number;
  status: PopulationStatus;
  source: string;
}

export interface ProvinceFigure {
  municipalityCode: string;
  inhabitants: number;
  reason: string;
}

export type PopulationBasis = 'eigen cijfer' | 'som voorgangers' | 'vastgesteld door provincie';

export interface DerivedPopulation {
  municipalityCode: string;
  referenceDate: string;
  /** The figure in the boundaries of the boundary date; null when it cannot be derived (see `missing`). */
  inhabitants: number | null;
  status: PopulationStatus | null;
  basis: PopulationBasis | null;
  sources: string[];
  /** The figures it was built from (one for a municipality's own figure). */
  components: { municipalityCode: string; inhabitants: number; status: PopulationStatus }[];
  /** Why no figure can be given, in Dutch. */
  missing: string | null;
}

export interface DeriveInput {
  municipalityCode: string;
  /** The date whose boundaries the figure must describe (e.g. the first day of a half-year). */
  boundaryDate: string;
  referenceDate: string;
  reorganisations: readonly Reorganisation[];
  figures: ReadonlyMap<string, PopulationFigure>;
  provinceFigure?: ProvinceFigure | undefined;
}

/**
 * The population of a municipality in its boundaries on `boundaryDate`, counted on `referenceDate`.
 * A figure set by the province wins; after a merger the predecessors' figures are added up; after a
 * split the successor's figure is unknown until the province sets it (Huisvestingswet art. 30), and
 * then this says so instead of guessing.
 */
export function derivePopulation(input: DeriveInput): DerivedPopulation {
  const base = { municipalityCode: input.municipalityCode, referenceDate: input.referenceDate };
  if (input.provinceFigure) {
    return {
      ...base,
      inhabitants: input.provinceFigure.inhabitants,
      status: 'officieel',
      basis: 'vastgesteld door provincie',
      sources: [`Vastgesteld door de provincie: ${input.provinceFigure.reason}`],
      components: [],
      missing: null,
    };
  }
  const trace = traceToReferenceDate(input.municipalityCode, input.boundaryDate, input.referenceDate, input.reorganisations);
  const unavailable = (missing: string): DerivedPopulation => ({
    ...base,
    inhabitants: null,
    status: null,
    basis: null,
    sources: [],
    components: [],
    missing,
  });
  if (trace.splitFrom.length > 0) {
    const parts = trace.splitFrom.map((s) => `${s.oldCode} (opgesplitst per ${s.effectiveDate})`).join(', ');
    return unavailable(
      `Kreeg een deel van ${parts}; het inwonertal op ${input.referenceDate} in de nieuwe grenzen stelt de provincie vast ` +
        `(Huisvestingswet art. 30). Dat cijfer is nog niet vastgelegd.`,
    );
  }
  const components = [];
  const absent = [];
  for (const code of trace.codes) {
    const figure = input.figures.get(code);
    if (figure) components.push(figure);
    else absent.push(code);
  }
  if (absent.length > 0) {
    return unavailable(`Geen inwonertal op ${input.referenceDate} voor ${absent.join(', ')}.`);
  }
  const own = trace.codes.length === 1 && trace.codes[0] === input.municipalityCode;
  return {
    ...base,
    inhabitants: components.reduce((sum, c) => sum + c.inhabitants, 0),
    status: weakestStatus(components.map((c) => c.status)),
    basis: own ? 'eigen cijfer' : 'som voorgangers',
    sources: [...new Set(components.map((c) => c.source))],
    components: components.map((c) => ({ municipalityCode: c.municipalityCode, inhabitants: c.inhabitants, status: c.status })),
    missing: null,
  };
}

/** The latest reference date on or before `boundaryDate` among those with figures, or null. */
export function latestReferenceDate(available: readonly string[], boundaryDate: string): string | null {
  let best: string | null = null;
  for (const d of available) if (d <= boundaryDate && (best === null || d > best)) best = d;
  return best;
}
