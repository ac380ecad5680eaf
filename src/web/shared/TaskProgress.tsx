import { useId } from 'react';
import { useT } from '../i18n/index.tsx';
import { Alert, Paragraph, UnorderedList, UnorderedListItem } from '../ui/index.ts';
import { en, nl, type TaskMessages } from './taskMessages.ts';
import type { Task } from './useTask.ts';
import './task.css';

const SHOWN_PROBLEMS = 20;

export function useTaskT(): { tm: TaskMessages; kindLabel: (kind: string) => string } & ReturnType<typeof useT> {
  const i18n = useT();
  const tm = i18n.lang === 'en' ? en : nl;
  return { ...i18n, tm, kindLabel: (kind) => tm.kinds[kind] ?? tm.unknownKind(kind) };
}

/**
 * A task's progress while it runs (a progress bar with its value and the server's text, and a polite live region
 * that says it in steps of ten percent, so a screen reader is not flooded), and its problem when it failed. A done
 * task shows only "done" here: the page shows the result itself.
 */
export function TaskProgress({ task }: { task: Task }) {
  const { tm, number } = useTaskT();
  const labelId = useId();
  const percent = Math.round(task.progress * 100);
  const announced =
    task.status === 'queued' ? tm.queued : task.status === 'running' ? tm.running(number(Math.floor(percent / 10) * 10)) : task.status === 'done' ? tm.done : tm.failedTitle;
  const problems = task.error?.invalidParams ?? [];
  return (
    <div className="rt-task">
      {task.status === 'queued' || task.status === 'running' ? (
        <>
          <p id={labelId} className="rt-task__label">
            {tm.progressLabel}: {tm.percent(number(percent))}
            {task.progressText ? (
              <>
                {' '}
                – <span lang="nl">{task.progressText}</span>
              </>
            ) : null}
          </p>
          <progress className="rt-task__bar" max={100} value={percent} aria-labelledby={labelId} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} />
          <Paragraph appearance="small">{tm.leaveNote}</Paragraph>
        </>
      ) : null}
      <p className="rt-status-line" role="status" aria-live="polite">
        {announced}
      </p>
      {task.status === 'failed' ? (
        <Alert type="error" role="alert" heading={tm.failedTitle}>
          {/* The server writes its problem details in Dutch, also when the interface is English. */}
          {task.error?.detail ? <Paragraph lang="nl">{task.error.detail}</Paragraph> : null}
          {problems.length > 0 ? (
            <UnorderedList>
              {problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
                <UnorderedListItem key={i} lang="nl">
                  {p.reason.startsWith(p.name) ? p.reason : `${p.name}: ${p.reason}`}
                </UnorderedListItem>
              ))}
              {problems.length > SHOWN_PROBLEMS ? <UnorderedListItem>{tm.moreProblems(number(problems.length - SHOWN_PROBLEMS))}</UnorderedListItem> : null}
            </UnorderedList>
          ) : null}
          {task.error?.code ? <Paragraph appearance="small">{tm.failedCode(task.error.code)}</Paragraph> : null}
        </Alert>
      ) : null}
    </div>
  );
}
