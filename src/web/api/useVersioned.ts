import { useCallback, useEffect, useState } from 'react';
import { asApiError, getVersioned, type ApiError } from './client.ts';

export type VersionedState<T> =
  | { status: 'loading'; data: null; version: null; error: null }
  | { status: 'ok'; data: T; version: number | null; error: null }
  | { status: 'error'; data: null; version: null; error: ApiError };

/**
 * Loads an editable record with its version (ETag). `reload()` fetches it again (after a conflict);
 * `replace()` takes over what a successful save answered, so the next save builds on the new version.
 */
export function useVersioned<T>(path: string | null) {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ key: string | null; value: VersionedState<T> }>({
    key: null,
    value: { status: 'loading', data: null, version: null, error: null },
  });
  const key = path === null ? null : `${path}#${attempt}`;

  useEffect(() => {
    if (path === null || key === null) return;
    const controller = new AbortController();
    getVersioned<T>(path, controller.signal).then(
      ({ data, version }) => setState({ key, value: { status: 'ok', data, version, error: null } }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ key, value: { status: 'error', data: null, version: null, error: asApiError(error) } });
      },
    );
    return () => controller.abort();
  }, [path, key]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback(
    (data: T, version: number | null) => setState({ key, value: { status: 'ok', data, version, error: null } }),
    [key],
  );
  const value: VersionedState<T> = state.key === key ? state.value : { status: 'loading', data: null, version: null, error: null };
  return { ...value, reload, replace };
}
