import { useMemo, useRef, useState, type FormEvent } from 'react';
import { asApiError, send } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import { useSession } from '../auth/session.tsx';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import { FileUploadForm } from '../shared/FileUpload.tsx';
import { serverErrors } from '../shared/formErrors.ts';
import {
  Alert,
  Button,
  ErrorSummary,
  Heading,
  LoadingStatus,
  PageTitle,
  Paragraph,
  RouterLink,
  type FormError,
} from '../ui/index.ts';
import { usePipelineT } from './common.tsx';
import { emptyDraft, enterableMunicipalities, projectFieldOf, projectProblems, projectRequest } from './logic.ts';
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

/** A CSV or Excel file of projects: all or nothing; the line errors of a refused file, or the counts of a read one. */
function UploadSection() {
  const { m } = usePipelineT();
  const u = m.upload;
  return (
    <section aria-labelledby="pipeline-upload">
      <Heading level={2} id="pipeline-upload">
        {u.title}
      </Heading>
      <Paragraph>{u.lead}</Paragraph>
      <Paragraph appearance="small">{u.columns}</Paragraph>
      <FileUploadForm<UploadResult>
        id="pipeline-file"
        submitLabel={u.submit}
        upload={async (payload) => (await send<UploadResult>('POST', '/api/v1/pipeline/uploads', payload)).data}
        success={(result) => <Paragraph data-testid="pipeline-upload-summary">{u.summary(result.lines, result.created, result.changed, result.unchanged)}</Paragraph>}
        listClassName="rt-pipeline-line-errors"
      />
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
