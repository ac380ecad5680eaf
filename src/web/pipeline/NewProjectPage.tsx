import { useMemo, useRef, useState, type FormEvent } from 'react';
import { asApiError, send, type ApiError } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import { useSession } from '../auth/session.tsx';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import { serverErrors } from '../shared/formErrors.ts';
import {
  Alert,
  Button,
  ErrorSummary,
  FileField,
  Heading,
  LoadingStatus,
  PageTitle,
  Paragraph,
  RouterLink,
  UnorderedList,
  UnorderedListItem,
  type FormError,
} from '../ui/index.ts';
import { usePipelineT } from './common.tsx';
import { emptyDraft, enterableMunicipalities, lineError, projectFieldOf, projectProblems, projectRequest, toBase64, uploadFormat } from './logic.ts';
import { ProjectFields } from './ProjectFields.tsx';
import type { MunicipalityRef, ProjectDetail, Track, UploadResult } from './types.ts';

/** One project by hand, within the municipalities the user may enter (the same policy as the server). */
function NewProjectForm({ tracks, municipalities }: { tracks: readonly Track[]; municipalities: readonly MunicipalityRef[] }) {
  const { m, t } = usePipelineT();
  const [draft, setDraft] = useState(() => ({ ...emptyDraft(), municipalityCode: municipalities.length === 1 ? municipalities[0]!.code : '' }));
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<ProjectDetail | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setCreated(null);
    const found = projectProblems(draft, m);
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const saved = await send<ProjectDetail>('POST', '/api/v1/pipeline/projects', projectRequest(draft));
      setCreated(saved.data);
      setDraft({ ...emptyDraft(), trackCode: draft.trackCode, municipalityCode: draft.municipalityCode });
      window.setTimeout(() => resultRef.current?.focus(), 0);
    } catch (e) {
      setErrors(serverErrors(asApiError(e), (name) => projectFieldOf(name), t.common.errorBody));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="rt-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="pipeline-new" aria-busy={busy}>
      <Heading level={2} id="pipeline-new">
        {m.create.formTitle}
      </Heading>
      <div ref={resultRef} tabIndex={-1} className="rt-result">
        {created ? (
          <Alert type="ok" role="status" heading={m.create.created(created.name)}>
            <Paragraph>
              <RouterLink to={`/woningpijplijn/projecten/${created.id}`}>{m.create.toProject(created.name)}</RouterLink>
            </Paragraph>
          </Alert>
        ) : null}
      </div>
      <ErrorSummary title={t.form.errorSummaryTitle} errors={errors} />
      <ProjectFields draft={draft} onChange={setDraft} errors={errors} tracks={tracks} municipalities={municipalities} />
      <div className="rt-actions">
        <Button type="submit" disabled={busy}>
          {busy ? m.form.creating : m.form.submit}
        </Button>
      </div>
      <LoadingStatus busy={busy} loadingText={m.form.creating} />
    </form>
  );
}

type Phase = 'idle' | 'reading' | 'uploading';

/** A CSV or Excel file of projects: all or nothing; the line errors of a refused file, or the counts of a read one. */
function UploadSection() {
  const { m, t } = usePipelineT();
  const u = m.upload;
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [phase, setPhase] = useState<Phase>('idle');
  const [result, setResult] = useState<UploadResult | null>(null);
  const [rejected, setRejected] = useState<ApiError | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    setRejected(null);
    if (!file) return setErrors([{ fieldId: 'pipeline-file', message: u.errorFile }]);
    const format = uploadFormat(file.name);
    if (!format) return setErrors([{ fieldId: 'pipeline-file', message: u.errorFormat }]);
    if (file.size === 0) return setErrors([{ fieldId: 'pipeline-file', message: u.errorEmpty }]);
    setErrors([]);
    setPhase('reading');
    let content: string;
    try {
      content = format === 'xlsx' ? toBase64(new Uint8Array(await file.arrayBuffer())) : await file.text();
    } catch {
      setPhase('idle');
      return setErrors([{ fieldId: 'pipeline-file', message: u.errorRead }]);
    }
    if (!content.trim()) {
      setPhase('idle');
      return setErrors([{ fieldId: 'pipeline-file', message: u.errorEmpty }]);
    }
    setPhase('uploading');
    try {
      const answer = await send<UploadResult>('POST', '/api/v1/pipeline/uploads', { format, content, fileName: file.name });
      setResult(answer.data);
    } catch (e) {
      const error = asApiError(e);
      if (error.status === 422) setRejected(error);
      else setErrors(serverErrors(error, (name) => (name === 'content' || name === 'fileName' ? 'pipeline-file' : null), t.common.errorBody));
    } finally {
      setPhase('idle');
      // The outcome replaces the progress; move focus there so it is read out at once.
      window.setTimeout(() => resultRef.current?.focus(), 0);
    }
  }

  const lines = rejected ? rejected.invalidParams.map(lineError) : [];
  return (
    <section aria-labelledby="pipeline-upload">
      <Heading level={2} id="pipeline-upload">
        {u.title}
      </Heading>
      <Paragraph>{u.lead}</Paragraph>
      <Paragraph appearance="small">{u.columns}</Paragraph>
      <ErrorSummary title={t.form.errorSummaryTitle} errors={errors} />
      <form className="rt-form" noValidate onSubmit={(e) => void submit(e)} aria-busy={phase !== 'idle'}>
        <FileField
          id="pipeline-file"
          label={u.file}
          description={u.fileHelp}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          required
          onChange={setFile}
          error={errors.find((e) => e.fieldId === 'pipeline-file')?.message ?? null}
        />
        <div className="rt-actions">
          <Button type="submit" disabled={phase !== 'idle'}>
            {u.submit}
          </Button>
        </div>
      </form>
      <LoadingStatus busy={phase !== 'idle'} loadingText={phase === 'reading' ? u.reading : u.uploading} />
      <div ref={resultRef} tabIndex={-1} className="rt-result">
        {result ? (
          <Alert type="ok" role="none" heading={u.successTitle}>
            <Paragraph data-testid="pipeline-upload-summary">{u.summary(result.lines, result.created, result.changed, result.unchanged)}</Paragraph>
          </Alert>
        ) : null}
        {rejected ? (
          <Alert type="error" role="none" heading={u.rejectedTitle}>
            <Paragraph>{u.nothingChanged}</Paragraph>
            {rejected.detail ? <Paragraph lang="nl">{rejected.detail}</Paragraph> : null}
            {lines.length > 0 ? (
              <>
                <p className="rt-alert-heading">{u.errorsTitle(lines.length)}</p>
                <UnorderedList className="rt-pipeline-line-errors">
                  {lines.map((l, i) => (
                    <UnorderedListItem key={`${l.line ?? 0}-${i}`}>
                      <strong>{l.line === null ? u.wholeFile : u.lineLabel(l.line)}</strong>
                      {l.field ? <span lang="nl">{`, ${l.field}`}</span> : null}: <span lang="nl">{l.message}</span>
                    </UnorderedListItem>
                  ))}
                </UnorderedList>
              </>
            ) : null}
          </Alert>
        ) : null}
      </div>
    </section>
  );
}

/** /woningpijplijn/nieuw — one project by hand, or a file of projects. */
export function NewProjectPage() {
  const { m, t } = usePipelineT();
  const session = useSession();
  const tracks = useApi<{ items: Track[] }>('/api/v1/pipeline/tracks');
  const all = useApi<{ items: MunicipalityRef[] }>('/api/v1/municipalities');
  const municipalities = useMemo(
    () => enterableMunicipalities(all.data?.items ?? [], (x) => session.may('pipeline.manage', { municipalityCode: x.code, provinceCode: x.provinceCode })),
    [all.data, session],
  );
  const error = tracks.error ?? all.error;
  return (
    <>
      <PageTitle>{`${m.create.title} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {m.create.title}
      </Heading>
      <Paragraph appearance="lead">{m.create.lead}</Paragraph>
      <div className="rt-actions">
        <RouterLink to="/woningpijplijn">{m.project.back}</RouterLink>
      </div>
      {error ? (
        <ApiErrorState
          error={error}
          onRetry={() => {
            tracks.retry();
            all.retry();
          }}
        />
      ) : null}
      {tracks.status === 'loading' || all.status === 'loading' ? <LoadingStatus busy loadingText={t.common.loading} /> : null}
      {tracks.data && all.data ? (
        municipalities.length === 0 ? (
          <Paragraph>{m.create.noMunicipalities}</Paragraph>
        ) : (
          <NewProjectForm tracks={tracks.data.items} municipalities={municipalities} />
        )
      ) : null}
      <UploadSection />
    </>
  );
}
