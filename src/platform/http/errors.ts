import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Errors as application/problem+json (RFC 9457, NL API Design Rules): a stable `code`, a Dutch
 * `detail`, and for bad input the offending fields in `invalidParams`. 5xx answers never carry internals.
 */
export interface InvalidParam {
  /** Field name; for files `regel 12: inwoners`. */
  name: string;
  code: string;
  reason: string;
  line?: number;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly invalidParams: InvalidParam[] = [],
    /** Extra members of the problem, e.g. `currentVersion` on a stale write. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

/** A write that built on an old version: 412, with the version that is current now. */
export function staleVersion(what: string, currentVersion: number): AppError {
  return new AppError(
    412,
    'versie-verouderd',
    'Verouderde versie',
    `Iemand anders heeft ${what} intussen gewijzigd (nu versie ${currentVersion}). Laad opnieuw en voer uw wijziging opnieuw in.`,
    [],
    { currentVersion },
  );
}

export const notFound = (code: string, detail: string) => new AppError(404, code, 'Niet gevonden', detail);
export const badRequest = (code: string, detail: string, invalidParams: InvalidParam[] = []) =>
  new AppError(400, code, 'Ongeldige invoer', detail, invalidParams);
export const unprocessable = (code: string, detail: string, invalidParams: InvalidParam[] = []) =>
  new AppError(422, code, 'Niet verwerkt', detail, invalidParams);
export const conflict = (code: string, detail: string) => new AppError(409, code, 'Conflict', detail);

export const PROBLEM_TYPE_BASE = 'urn:regietafel:probleem:';

export function problemBody(error: AppError, instance: string) {
  return {
    type: `${PROBLEM_TYPE_BASE}${error.code}`,
    title: error.title,
    status: error.status,
    detail: error.detail,
    instance,
    code: error.code,
    ...(error.invalidParams.length > 0 ? { invalidParams: error.invalidParams } : {}),
    ...error.extensions,
  };
}

function sendProblem(reply: FastifyReply, request: FastifyRequest, error: AppError) {
  if (typeof error.extensions.currentVersion === 'number') reply.header('ETag', `"${error.extensions.currentVersion}"`);
  return reply.code(error.status).type('application/problem+json').send(problemBody(error, request.url));
}

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

function dutchReason(e: AjvError): string {
  const p = e.params;
  switch (e.keyword) {
    case 'required':
      return 'is verplicht';
    case 'type':
      return `moet van het type ${String(p.type)} zijn`;
    case 'pattern':
      if (p.pattern === '\\S') return 'mag niet leeg zijn of alleen uit spaties bestaan';
      return `heeft niet de juiste vorm (${String(p.pattern)})`;
    case 'format':
      return `moet een geldige ${String(p.format)} zijn`;
    case 'minimum':
      return `moet minstens ${String(p.limit)} zijn`;
    case 'maximum':
      return `mag hoogstens ${String(p.limit)} zijn`;
    case 'minLength':
      return `moet minstens ${String(p.limit)} teken(s) hebben`;
    case 'maxLength':
      return `mag hoogstens ${String(p.limit)} tekens hebben`;
    case 'enum':
      return `moet een van deze waarden zijn: ${(p.allowedValues as unknown[]).join(', ')}`;
    case 'additionalProperties':
      return `onbekend veld ${String(p.additionalProperty)}`;
    case 'anyOf':
    case 'const':
      return 'heeft geen toegestane waarde';
    default:
      return e.message ?? 'is ongeldig';
  }
}

/** PostgreSQL shutting down or restarting (57P01–57P03), a lost connection (08xxx), or no server listening. */
export function databaseUnavailable(error: { code?: unknown; message?: unknown }): boolean {
  const code = typeof error.code === 'string' ? error.code : '';
  if (/^57P0[1-3]$/.test(code) || /^08\d{3}$/.test(code) || code === 'ECONNREFUSED' || code === 'ECONNRESET') return true;
  // node-postgres's own errors for a connection that broke under it carry no code.
  return typeof error.message === 'string' && /^Connection terminated|connection error and is not queryable|^terminating connection/.test(error.message);
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError & { validation?: AjvError[]; validationContext?: string }, request, reply) => {
    if (error instanceof AppError) return sendProblem(reply, request, error);
    if (error.validation) {
      const params = error.validation.map((e) => {
        const field =
          e.keyword === 'required'
            ? String(e.params.missingProperty)
            : e.instancePath.replace(/^\//, '').replace(/\//g, '.') || (error.validationContext ?? 'body');
        return { name: field, code: e.keyword, reason: `${field} ${dutchReason(e)}` };
      });
      return sendProblem(
        reply,
        request,
        badRequest('ongeldige-invoer', params.map((p) => p.reason).join('; '), params),
      );
    }
    const status = error.statusCode ?? 500;
    if (status < 500) {
      const code = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'te-groot' : 'ongeldig-verzoek';
      const detail = code === 'te-groot' ? 'Het verzoek is te groot.' : 'Het verzoek kan niet worden verwerkt.';
      return sendProblem(reply, request, new AppError(status, code, 'Ongeldig verzoek', detail));
    }
    if (databaseUnavailable(error)) {
      // Not our bug and not the user's: the database restarts or is unreachable. Say so, and when to try again.
      request.log.warn({ err: error }, 'database unavailable');
      reply.header('retry-after', '5');
      return sendProblem(reply, request, new AppError(503, 'database-onbereikbaar', 'Tijdelijk niet beschikbaar', 'De database is even niet bereikbaar (bijvoorbeeld door een herstart). Een wijziging is daardoor mogelijk niet opgeslagen: controleer het en probeer het over enkele seconden opnieuw.'));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      reply,
      request,
      new AppError(500, 'interne-fout', 'Interne fout', `Er ging iets mis aan onze kant. Vermeld bij een melding kenmerk ${request.id}.`),
    );
  });
}

/** A domain's own error class: a stable code, a Dutch message and the field it is about. */
export type DomainErrorClass = abstract new (...args: never[]) => Error & { readonly code: string; readonly field?: string | undefined };

/**
 * Runs a pure rule and turns its domain error into a 400 problem naming the field; other errors pass through.
 * `checkedBy([ReceptionError], () => checkLocation(input))`
 */
export function checkedBy<T>(classes: readonly DomainErrorClass[], fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (classes.some((c) => e instanceof c)) {
      const d = e as Error & { code: string; field?: string | undefined };
      throw new AppError(400, d.code, 'Ongeldige invoer', d.message, [{ name: d.field ?? 'invoer', code: d.code, reason: d.message }]);
    }
    throw e;
  }
}
