import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { asApiError, getJson, type ApiError } from '../api/client.ts';

export type TaskStatus = 'queued' | 'running' | 'done' | 'failed';

export interface TaskProblem {
  code?: string;
  title?: string;
  detail?: string;
  invalidParams?: { name: string; reason: string }[];
}

/** GET /api/v1/tasks/:id */
export interface Task<R = unknown> {
  id: number;
  kind: string;
  status: TaskStatus;
  progress: number;
  progressText: string | null;
  input: Record<string, unknown>;
  file: { name: string; type: string } | null;
  error: TaskProblem | null;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  result: R | null;
}

/** The answer of an endpoint that starts a task (202). */
export interface TaskStarted {
  id: number;
  location: string;
}

/** How long to wait before asking again after `polls` questions: 0.3 s, growing by half each time, at most 5 s. */
export function pollDelay(polls: number): number {
  return Math.min(5000, Math.round(300 * 1.5 ** polls));
}

export const finished = (status: TaskStatus) => status === 'done' || status === 'failed';

/**
 * Follows task `id` (null: none): asks the server with backoff until the task is done or failed. A failed question
 * (the network) stops the polling and is returned as `error`; `retry()` resumes.
 */
export function useTask<R = unknown>(id: number | null): { task: Task<R> | null; error: ApiError | null; retry: () => void } {
  const [state, setState] = useState<{ id: number | null; task: Task<R> | null; error: ApiError | null }>({ id: null, task: null, error: null });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (id === null) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polls = 0;
    const ask = () => {
      getJson<Task<R>>(`/api/v1/tasks/${id}`, controller.signal).then(
        (task) => {
          setState({ id, task, error: null });
          if (!finished(task.status)) timer = setTimeout(ask, pollDelay(polls++));
        },
        (e: unknown) => {
          if (!controller.signal.aborted) setState((s) => ({ id, task: s.id === id ? s.task : null, error: asApiError(e) }));
        },
      );
    };
    ask();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [id, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return state.id === id ? { task: state.task, error: state.error, retry } : { task: null, error: null, retry };
}

/**
 * The task a page shows, kept in its address (`?taak=123`) so the user can leave, come back or reload and still see
 * its progress or result. `setTaskId` replaces the address (no extra history entry).
 */
export function useTaskParam(): [number | null, (id: number | null) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('taak');
  const id = raw && /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : null;
  const set = useCallback(
    (next: number | null) =>
      setParams(
        (p) => {
          const copy = new URLSearchParams(p);
          if (next === null) copy.delete('taak');
          else copy.set('taak', String(next));
          return copy;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [id, set];
}
