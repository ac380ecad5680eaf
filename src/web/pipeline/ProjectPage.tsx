import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { asApiError, send, type ApiError } from '../api/client.ts';
import { useVersioned } from '../api/useVersioned.ts';
import { useSession } from '../auth/session.tsx';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
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
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  type FormError,
} from '../ui/index.ts';
import { provinceName, ProjectStatusBadge, usePipelineT } from './common.tsx';
import { draftOf, projectFieldOf, projectPatch, projectProblems } from './logic.ts';
import { ProjectFields } from './ProjectFields.tsx';
import type { ProjectDetail } from './types.ts';

/**
 * "Project bijwerken", sent with the version the page shows (If-Match). A 412 saves nothing and keeps the input; the
 * page loads the current version on request.
 */
function EditForm({ project, version, onSaved, onReload }: { project: ProjectDetail; version: number | null; onSaved: (p: ProjectDetail, v: number | null) => void; onReload: () => void }) {
  const { m, t } = usePipelineT();
  const [draft, setDraft] = useState(() => draftOf(project));
  const [errors, setErrors] = useState<FormError[]>([]);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage('');
    setConflict(null);
    const found = projectProblems(draft, m, project);
    setErrors(found);
    if (found.length > 0) return;
    const body = projectPatch(project, draft);
    if (!body) {
      setMessage(m.edit.noChanges);
      return;
    }
    setBusy(true);
    try {
      const saved = await send<ProjectDetail>('PATCH', `/api/v1/pipeline/projects/${project.id}`, body, { ifMatch: version ?? project.version });
      // The page takes over the new version; the form starts again from it (a new key) and the page says it saved.
      onSaved(saved.data, saved.version ?? saved.data.version);
    } catch (e) {
      const error = asApiError(e);
      if (error.status === 412) {
        setConflict(error);
        setErrors([]);
      } else {
        setErrors(serverErrors(error, (name) => projectFieldOf(name), t.common.errorBody));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="rt-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="pipeline-edit" aria-busy={busy}>
      <Heading level={2} id="pipeline-edit">
        {m.edit.title}
      </Heading>
      <Paragraph>{m.edit.lead}</Paragraph>
      {conflict ? (
        <Alert type="error" role="alert" heading={m.edit.conflictTitle}>
          <Paragraph>{m.edit.conflictBody(conflict.currentVersion ?? 0)}</Paragraph>
          <Button
            appearance="secondary"
            onClick={() => {
              // The alert goes away with the reload; park focus on the heading so keyboard users keep their place.
              document.querySelector<HTMLElement>('main h1')?.focus();
              onReload();
            }}
          >
            {m.edit.reload}
          </Button>
        </Alert>
      ) : null}
      <ErrorSummary title={t.form.errorSummaryTitle} errors={errors} />
      <ProjectFields draft={draft} onChange={setDraft} errors={errors} existing={project} />
      <div className="rt-actions">
        <Button type="submit" disabled={busy}>
          {busy ? m.edit.saving : m.edit.save}
        </Button>
      </div>
      <LoadingStatus busy={busy} loadingText={m.edit.saving} doneText={message} />
    </form>
  );
}

/** /woningpijplijn/projecten/:id — a project, the history of its delivery date, and for those allowed the edit form. */
export function ProjectPage() {
  const { m, t, number, date, euro } = usePipelineT();
  const session = useSession();
  const id = useParams().id ?? '';
  const valid = /^\d+$/.test(id);
  const data = useVersioned<ProjectDetail>(valid ? `/api/v1/pipeline/projects/${id}` : null);
  const p = data.data;
  const title = p ? m.project.title(p.name) : m.project.title(id);
  const [notice, setNotice] = useState('');
  const manages = p ? session.may('pipeline.manage', { municipalityCode: p.municipalityCode, provinceCode: p.provinceCode }) : false;

  return (
    <>
      <PageTitle>{`${title} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {title}
      </Heading>
      <div className="rt-actions">
        <RouterLink to="/woningpijplijn">{m.project.back}</RouterLink>
        {p ? <RouterLink to={`/taakstelling/${p.municipalityCode}`}>{m.project.toLedger(p.municipalityName)}</RouterLink> : null}
      </div>
      <p className="rt-status-line" role="status" aria-live="polite">
        {notice}
      </p>
      {!valid ? <Paragraph>{t.notFound.body}</Paragraph> : null}
      {valid && data.status === 'loading' ? <LoadingStatus busy loadingText={t.common.loading} /> : null}
      {data.error ? <ApiErrorState error={data.error} onRetry={data.reload} /> : null}
      {p ? (
        <>
          <section aria-labelledby="pipeline-facts">
            <Heading level={2} id="pipeline-facts">
              {m.project.facts}
            </Heading>
            <dl className="rt-pipeline-facts">
              {(
                [
                  [m.project.reference, p.reference],
                  [m.project.track, p.trackCode],
                  [m.project.municipality, `${p.municipalityName} (${p.municipalityCode}), ${provinceName(p.provinceCode)}`],
                  [m.project.party, p.party],
                  [m.project.homeType, p.homeType],
                  [m.project.units, number(p.units)],
                  [m.project.reservedUnits, number(p.reservedUnits)],
                  [m.project.expectedDelivery, date(p.expectedDelivery)],
                  [m.project.firstExpectedDelivery, date(p.firstExpectedDelivery)],
                  [m.project.status, <ProjectStatusBadge key="s" status={p.status} />],
                  [m.project.cost, p.costPerUnitCents === null ? m.project.unknownCost : euro(p.costPerUnitCents)],
                ] as const
              ).map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section aria-labelledby="pipeline-history">
            <Heading level={2} id="pipeline-history">
              {m.project.historyTitle}
            </Heading>
            {p.history.length === 0 ? (
              <Paragraph>{m.project.noHistory}</Paragraph>
            ) : (
              <Table caption={m.project.historyCaption}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{m.project.colChangedOn}</TableHeaderCell>
                    <TableHeaderCell scope="col">{m.project.colFrom}</TableHeaderCell>
                    <TableHeaderCell scope="col">{m.project.colTo}</TableHeaderCell>
                    <TableHeaderCell scope="col">{m.project.colReason}</TableHeaderCell>
                    <TableHeaderCell scope="col">{m.project.colBy}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {p.history.map((h, i) => (
                    <TableRow key={`${h.changedOn}-${i}`}>
                      <TableHeaderCell scope="row" className="rt-nowrap">
                        {date(h.changedOn)}
                      </TableHeaderCell>
                      <TableCell className="rt-nowrap">{date(h.from)}</TableCell>
                      <TableCell className="rt-nowrap">{date(h.to)}</TableCell>
                      <TableCell lang="nl">{h.reason}</TableCell>
                      <TableCell>{h.recordedBy}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </section>
          {manages ? (
            // A new key per version: after a save or a reload the form starts from what the server holds.
            <EditForm
              key={`${p.id}-${p.version}`}
              project={p}
              version={data.version}
              onSaved={(next, version) => {
                data.replace(next, version);
                setNotice(m.edit.saved);
              }}
              onReload={() => {
                setNotice('');
                data.reload();
              }}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}
