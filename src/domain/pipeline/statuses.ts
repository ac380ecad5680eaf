/**
 * The statuses of a project in the housing pipeline and which changes are allowed.
 *
 * Rules (`STATUS_TRANSITIONS`), decided for this product:
 * - Forward moves along idee → planfase → vergund → in aanbouw → opgeleverd are allowed, also skipping stages:
 *   a host family or an existing vacant social home needs no permit and no construction (idee → opgeleverd), and a
 *   party often reports a project for the first time when it already has its permit.
 * - One step back is allowed only between the stages that outside events can undo: `vergund` → `planfase` (the
 *   permit is annulled on appeal, as happened to several flex-housing permits) and `in aanbouw` → `vergund`
 *   (construction halted, e.g. a court order or the builder's bankruptcy, while the permit stands). Larger jumps
 *   back are refused: they are almost always a slip in a spreadsheet, and the table must not lose a project's stage
 *   without noticing. Nothing goes back to `idee`: a plan that is shelved is `vervallen`.
 * - `vervallen` (dropped) is possible from every open status.
 * - `opgeleverd` (delivered) and `vervallen` are final: delivered homes exist and dropped ones will not come; a
 *   mistake there is corrected by the secretariat in the records (audited), not by a status change.
 * - The same status again is no change and always allowed, so an upload may repeat a project unchanged.
 */
import { PipelineError } from './errors.ts';

export const PROJECT_STATUSES = ['idee', 'planfase', 'vergund', 'in aanbouw', 'opgeleverd', 'vervallen'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** Dutch labels for lists and forms. `PROJECT_STATUS_LABELS['in aanbouw']` → 'In aanbouw' */
export const PROJECT_STATUS_LABELS: Readonly<Record<ProjectStatus, string>> = Object.freeze({
  idee: 'Idee',
  planfase: 'Planfase',
  vergund: 'Vergund',
  'in aanbouw': 'In aanbouw',
  opgeleverd: 'Opgeleverd',
  vervallen: 'Vervallen',
});

/** Statuses a project never leaves. */
export const FINAL_STATUSES: readonly ProjectStatus[] = Object.freeze(['opgeleverd', 'vervallen'] as const);

/** Allowed changes to another status (see the module comment); the same status is always allowed besides. */
export const STATUS_TRANSITIONS: Readonly<Record<ProjectStatus, readonly ProjectStatus[]>> = Object.freeze({
  idee: Object.freeze(['planfase', 'vergund', 'in aanbouw', 'opgeleverd', 'vervallen'] as const),
  planfase: Object.freeze(['vergund', 'in aanbouw', 'opgeleverd', 'vervallen'] as const),
  vergund: Object.freeze(['planfase', 'in aanbouw', 'opgeleverd', 'vervallen'] as const),
  'in aanbouw': Object.freeze(['vergund', 'opgeleverd', 'vervallen'] as const),
  opgeleverd: Object.freeze([] as const),
  vervallen: Object.freeze([] as const),
});

/** `isProjectStatus('vergund')` → true; `isProjectStatus('klaar')` → false */
export function isProjectStatus(value: unknown): value is ProjectStatus {
  return typeof value === 'string' && (PROJECT_STATUSES as readonly string[]).includes(value);
}

/** Checks a status and returns it. `checkProjectStatus('vergund')` → 'vergund'; 'klaar' throws 'status-onbekend'. */
export function checkProjectStatus(value: unknown, field = 'status'): ProjectStatus {
  if (isProjectStatus(value)) return value;
  throw new PipelineError('status-onbekend', `'${String(value)}' is geen status van een project; kies uit ${PROJECT_STATUSES.join(', ')}.`, { field });
}

/** `isFinalStatus('opgeleverd')` → true */
export function isFinalStatus(status: ProjectStatus): boolean {
  return (FINAL_STATUSES as readonly string[]).includes(status);
}

/**
 * Whether a project may go from one status to another (the rules above).
 * `isAllowedStatusChange('in aanbouw', 'vergund')` → true; `isAllowedStatusChange('opgeleverd', 'in aanbouw')` → false
 */
export function isAllowedStatusChange(from: ProjectStatus, to: ProjectStatus): boolean {
  return from === to || STATUS_TRANSITIONS[checkProjectStatus(from, 'from')].includes(checkProjectStatus(to, 'to'));
}

/**
 * Like `isAllowedStatusChange`, but throws a `PipelineError` that says why in Dutch.
 * `checkStatusChange('vervallen', 'planfase')` throws 'statusovergang-ongeldig': "… vervallen is definitief …"
 */
export function checkStatusChange(from: ProjectStatus, to: ProjectStatus, field = 'status'): void {
  if (isAllowedStatusChange(from, to)) return;
  const why = isFinalStatus(from)
    ? `${from} is definitief`
    : to === 'idee'
      ? 'een project gaat niet terug naar idee; een plan dat niet doorgaat is vervallen'
      : 'terug kan alleen één stap: van vergund naar planfase of van in aanbouw naar vergund';
  throw new PipelineError('statusovergang-ongeldig', `De status kan niet van ${from} naar ${to}: ${why}.`, { field });
}
