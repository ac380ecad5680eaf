/** An answer other than 2xx, with the problem+json fields the server sends (RFC 9457). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string | null,
  ) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
  }
}

interface ProblemBody {
  title?: unknown;
  detail?: unknown;
  code?: unknown;
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    // status 0: the server could not be reached at all (offline, server down).
    throw new ApiError(0, 'NETWORK', 'Network error', error instanceof Error ? error.message : null);
  }
  if (response.ok) return (await response.json()) as T;
  let problem: ProblemBody = {};
  try {
    problem = (await response.json()) as ProblemBody;
  } catch {
    // A proxy or crash can answer with HTML; the status code is then all we have.
  }
  throw new ApiError(
    response.status,
    typeof problem.code === 'string' ? problem.code : `HTTP_${response.status}`,
    typeof problem.title === 'string' ? problem.title : response.statusText,
    typeof problem.detail === 'string' ? problem.detail : null,
  );
}
