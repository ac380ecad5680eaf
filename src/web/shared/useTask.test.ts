import { describe, expect, it } from 'vitest';
import { finished, pollDelay } from './useTask.ts';

describe('following a task', () => {
  it('asks again soon at first, then less often, never less often than every 5 s', () => {
    const delays = Array.from({ length: 12 }, (_, i) => pollDelay(i));
    expect(delays.slice(0, 4)).toEqual([300, 450, 675, 1013]);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(delays.at(-1)).toBe(5000);
  });

  it('stops at done and failed only', () => {
    expect(['queued', 'running', 'done', 'failed'].map((s) => finished(s as 'done'))).toEqual([false, false, true, true]);
  });
});
