/** One wrong field of a request, as the server names it (`email`, `roles.0`, or `regel 12: inwoners` for a file). */
export interface InvalidParam {
  name: string;
  code: string;
  reason: string;
  line?: number;
}

/** An answer other than 2xx, with the problem+json fields the server sends (RFC 9457). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string | null,
    readonly invalidParams: InvalidParam[] = [],
    /** On 412/428: the version that is current on the server now. */
    readonly currentVersion: number | null = null,
    /** On 429: how many seconds to wait (Retry-After). */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
  }
}

interface ProblemBody {
  title?: unknown;
  detail?: unknown;
  code?: unknown;
  invalidParams?: unknown;
  currentVersion?: unknown;
}

/**
 * The CSRF token of the current session. Set by the session context whenever the session changes; every
 * state-changing request sends it, because the server refuses a cookie-authenticated change without it.
 */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Whoever wants to know that the server said "not signed in" (the session context: the session has ended). */
let onUnauthorized: (() => void) | null = null;
export function setUnauthorizedHandler(handler: (() => void) | null) {
  onUnauthorized = handler;
}

function isInvalidParam(x: unknown): x is InvalidParam {
  return !!x && typeof x === 'object' && typeof (x as InvalidParam).name === 'string' && typeof (x as InvalidParam).reason === 'string';
}

async function toError(response: Response): Promise<ApiError> {
  let problem: ProblemBody = {};
  try {
    problem = (await response.json()) as ProblemBody;
  } catch {
    // A proxy or crash can answer with HTML; the status code is then all we have.
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  return new ApiError(
    response.status,
    typeof problem.code === 'string' ? problem.code : `HTTP_${response.status}`,
    typeof problem.title === 'string' ? problem.title : response.statusText,
    typeof problem.detail === 'string' ? problem.detail : null,
    Array.isArray(problem.invalidParams) ? problem.invalidParams.filter(isInvalidParam) : [],
    typeof problem.currentVersion === 'number' ? problem.currentVersion : null,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}

const NETWORK_DETAIL = 'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.';

async function request(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (init.signal?.aborted) throw error;
    // status 0: the server could not be reached at all (offline, server down).
    // In Dutch like the server's own problem texts, which the pages show in the same places.
    throw new ApiError(0, 'NETWORK', 'Geen verbinding', NETWORK_DETAIL);
  }
  if (response.ok) return response;
  const error = await toError(response);
  // The login itself answers 401 for wrong credentials; that is not a lost session.
  if (error.status === 401 && path !== '/api/v1/session') onUnauthorized?.();
  throw error;
}

/** The version in an ETag (`"3"` or `W/"3"`), or null. */
export function versionOf(etag: string | null): number | null {
  const match = etag ? /^(?:W\/)?"(\d+)"$/.exec(etag.trim()) : null;
  return match ? Number(match[1]) : null;
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await request(path, { headers: { accept: 'application/json' }, signal });
  return (await response.json()) as T;
}

/** A GET that also returns the version from the ETag, for a record that may be edited. */
export async function getVersioned<T>(path: string, signal?: AbortSignal): Promise<{ data: T; version: number | null }> {
  const response = await request(path, { headers: { accept: 'application/json' }, signal });
  return { data: (await response.json()) as T, version: versionOf(response.headers.get('etag')) };
}

export interface SendOptions {
  /** The version the change builds on; sent as If-Match so a stale write changes nothing (412). */
  ifMatch?: number | null;
  signal?: AbortSignal;
}

/** A state-changing request (POST, PUT, PATCH, DELETE) with the session's CSRF token; JSON in, JSON out. */
export async function send<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  options: SendOptions = {},
): Promise<{ data: T; version: number | null }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.ifMatch !== undefined && options.ifMatch !== null) headers['if-match'] = `"${options.ifMatch}"`;
  const response = await request(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: options.signal,
    credentials: 'same-origin',
  });
  const data = response.status === 204 ? (null as T) : ((await response.json()) as T);
  return { data, version: versionOf(response.headers.get('etag')) };
}

/** Any failure as an ApiError, so callers handle one kind of error. */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'CLIENT', 'Error', error instanceof Error ? error.message : null);
}

/**
 * POST with upload progress (fetch cannot report it): `onProgress(sent, total)` while the body goes out. For large
 * files such as a population table; same CSRF header and error handling as `send`.
 */
export function postWithProgress<T>(path: string, body: unknown, onProgress: (sent: number, total: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'Geen verbinding', NETWORK_DETAIL));
    xhr.onload = () => {
      const headers = new Headers();
      for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
        const at = line.indexOf(':');
        if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
      }
      const response = new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status, headers });
      if (response.ok) {
        response.json().then((data) => resolve(data as T), reject);
        return;
      }
      toError(response).then((error) => {
        if (error.status === 401) onUnauthorized?.();
        reject(error);
      }, reject);
    };
    xhr.send(JSON.stringify(body));
  });
}
