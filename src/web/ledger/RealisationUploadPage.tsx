import { useState } from 'react';
import { send } from '../api/client.ts';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import { FileUploadForm } from '../shared/FileUpload.tsx';
import { TaskProgress } from '../shared/TaskProgress.tsx';
import { useTask, useTaskParam, type TaskStarted } from '../shared/useTask.ts';
import { Alert, Heading, PageTitle, Paragraph, RouterLink, SelectField } from '../ui/index.ts';
import { useLedgerT } from './common.tsx';
import { PERIODS, type RealisationRecorded } from './types.ts';

/** A file larger than this (its text or base64) is read as a background task; a smaller one in the request. */
export const BACKGROUND_FROM_CHARS = 512 * 1024;

/**
 * /taakstelling/realisaties-uploaden — COA's list of housed permit holders for a half-year: every line checked, all or
 * nothing; a line already known is not counted twice, so an overlapping list adds only what is new. A large list is
 * read as a background task followed in the address (`?taak=123`), so the user may leave and come back.
 */
export function RealisationUploadPage() {
  const { m, t } = useLedgerT();
  const u = m.upload;
  const [period, setPeriod] = useState<string>(PERIODS[PERIODS.length - 1]!);
  const [taskId, setTaskId] = useTaskParam();
  const followed = useTask<RealisationRecorded>(taskId);
  const summary = (result: RealisationRecorded) => (
    <>
      <Paragraph data-testid="realisation-upload-summary">
        {result.alreadyUploaded ? t.upload.already(result.lineCount) : u.summary(result.lineCount, result.newCount, result.skippedCount, result.period)}
      </Paragraph>
      <Paragraph>
        <RouterLink to={`/taakstelling/overzicht?periode=${encodeURIComponent(result.period)}`}>{u.toOverview(result.period)}</RouterLink>
      </Paragraph>
    </>
  );
  const task = followed.task;

  return (
    <>
      <PageTitle>{`${u.title} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {u.title}
      </Heading>
      <Paragraph appearance="lead">{u.lead}</Paragraph>
      <div className="rt-actions">
        <RouterLink to="/taakstelling/overzicht">{u.back}</RouterLink>
      </div>
      <Paragraph appearance="small">{u.columns}</Paragraph>
      <FileUploadForm<RealisationRecorded | null>
        id="realisation-file"
        submitLabel={u.submit}
        upload={async (payload) => {
          if (payload.content.length > BACKGROUND_FROM_CHARS) {
            // The task's own progress and outcome are shown below the form; the form itself shows nothing.
            setTaskId((await send<TaskStarted>('POST', '/api/v1/realisations/uploads/tasks', { ...payload, period })).data.id);
            return null;
          }
          setTaskId(null);
          return (await send<RealisationRecorded>('POST', '/api/v1/realisations/uploads', { ...payload, period })).data;
        }}
        fieldOf={(name) => (name === 'period' ? 'realisation-period' : null)}
        before={(errorOf) => (
          <SelectField
            id="realisation-period"
            label={m.period}
            description={u.periodHelp}
            value={period}
            options={PERIODS.map((p) => ({ value: p, label: p }))}
            onChange={setPeriod}
            error={errorOf('realisation-period')}
          />
        )}
        alreadyUploaded={(r) => r?.alreadyUploaded ?? false}
        success={(result) => (result ? summary(result) : null)}
      />
      {taskId !== null ? (
        <section aria-labelledby="realisation-task">
          <Heading level={2} id="realisation-task">
            {u.taskTitle}
          </Heading>
          {task ? <TaskProgress task={task} /> : null}
          {task?.status === 'done' && task.result ? (
            <Alert type="ok" role="none" heading={task.result.alreadyUploaded ? t.upload.alreadyTitle : t.upload.successTitle}>
              {summary(task.result)}
            </Alert>
          ) : null}
          {followed.error ? <ApiErrorState error={followed.error} onRetry={followed.retry} /> : null}
        </section>
      ) : null}
    </>
  );
}
