import { useCallback, useEffect, useState } from 'react';
import { asApiError, getJson, type ApiError } from './client.ts';

export type ApiState<T> =
  | { status: 'loading'; data: null; error: null }
  | { status: 'ok'; data: T; error: null }
  | { status: 'error'; data: null; error: ApiError };

/**
 * Fetches `path` (null: wait, e.g. until the year is known) and refetches when it changes or `retry()` is called.
 * A changed path aborts the earlier request so a slow old answer cannot overwrite a newer one.
 */
export function useApi<T>(path: string | null): ApiState<T> & { retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ key: string | null; value: ApiState<T> }>({
    key: null,
    value: { status: 'loading', data: null, error: null },
  });
  const key = path === null ? null : `${path}#${attempt}`;

  useEffect(() => {
    if (path === null || key === null) return;
    const controller = new AbortController();
    getJson<T>(path, controller.signal).then(
      (data) => setState({ key, value: { status: 'ok', data, error: null } }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ key, value: { status: 'error', data: null, error: asApiError(error) } });
      },
    );
    return () => controller.abort();
  }, [path, key]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // Until the answer for the current key arrives we are loading, whatever an earlier key left behind.
  const value: ApiState<T> = state.key === key ? state.value : { status: 'loading', data: null, error: null };
  return { ...value, retry };
}
