import { useRef, useState, type FormEvent } from 'react';
import { asApiError, postWithProgress, type ApiError } from '../../api/client.ts';
import type { PopulationImportResult, PopulationStatus } from '../../api/types.ts';
import { useT } from '../../i18n/index.tsx';
import { lineError } from '../../shared/upload.ts';
import {
  Alert,
  Button,
  ErrorSummary,
  FileField,
  Heading,
  PageTitle,
  Paragraph,
  SelectField,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TextField,
  UnorderedList,
  UnorderedListItem,
  type FormError,
} from '../../ui/index.ts';
import { AdminNav } from './AdminNav.tsx';

type Phase = { kind: 'idle' } | { kind: 'reading' } | { kind: 'uploading'; percent: number } | { kind: 'checking' };

const STATUSES: PopulationStatus[] = ['officieel', 'voorlopig', 'onofficieel'];

export function PopulationImportPage() {
  const { t, number, date } = useT();
  const [file, setFile] = useState<File | null>(null);
  const [status, setStatus] = useState<'' | PopulationStatus>('');
  const [source, setSource] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [result, setResult] = useState<PopulationImportResult | null>(null);
  const [rejected, setRejected] = useState<ApiError | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    setRejected(null);
    if (!file) {
      setErrors([{ fieldId: 'bestand', message: t.populationImport.errorFile }]);
      return;
    }
    setErrors([]);
    setPhase({ kind: 'reading' });
    let content: string;
    try {
      content = await file.text();
    } catch {
      setPhase({ kind: 'idle' });
      setErrors([{ fieldId: 'bestand', message: t.populationImport.errorRead }]);
      return;
    }
    if (!content.trim()) {
      setPhase({ kind: 'idle' });
      setErrors([{ fieldId: 'bestand', message: t.populationImport.errorEmpty }]);
      return;
    }
    setPhase({ kind: 'uploading', percent: 0 });
    try {
      const body = {
        content,
        fileName: file.name,
        ...(status ? { status } : {}),
        ...(source.trim() ? { source: source.trim() } : {}),
      };
      const answer = await postWithProgress<PopulationImportResult>('/api/v1/population/imports', body, (sent, total) => {
        const percent = Math.round((sent / total) * 100);
        setPhase(percent >= 100 ? { kind: 'checking' } : { kind: 'uploading', percent });
      });
      setResult(answer);
    } catch (e) {
      const error = asApiError(e);
      if (error.status === 422) setRejected(error);
      else {
        const fieldOf: Record<string, string> = { status: 'status', source: 'bron', bron: 'bron', content: 'bestand' };
        setErrors(
          error.invalidParams.length > 0
            ? error.invalidParams.map((p) => ({ fieldId: fieldOf[p.name], message: p.reason }))
            : [{ message: error.detail ?? t.common.errorBody }],
        );
      }
    } finally {
      setPhase({ kind: 'idle' });
      // The outcome replaces the progress; move focus there so it is read out at once.
      window.setTimeout(() => resultRef.current?.focus(), 0);
    }
  }

  const busy = phase.kind !== 'idle';
  const progressText =
    phase.kind === 'reading'
      ? t.populationImport.reading
      : phase.kind === 'uploading' || phase.kind === 'checking'
        ? t.populationImport.uploading
        : '';
  const lines = rejected ? rejected.invalidParams.map(lineError) : [];

  return (
    <>
      <PageTitle>{`${t.populationImport.title} – ${t.app.titleSuffix}`}</PageTitle>
      <AdminNav />
      <Heading level={1} tabIndex={-1}>
        {t.populationImport.title}
      </Heading>
      <Paragraph appearance="lead">{t.populationImport.lead}</Paragraph>
      <ErrorSummary title={t.form.errorSummaryTitle} errors={errors} />
      <form className="rt-form" noValidate onSubmit={submit} aria-busy={busy}>
        <FileField
          id="bestand"
          label={t.populationImport.file}
          description={t.populationImport.fileDescription}
          accept=".csv,text/csv,text/plain"
          required
          onChange={setFile}
          error={errors.find((e) => e.fieldId === 'bestand')?.message ?? null}
        />
        <SelectField
          id="status"
          label={t.populationImport.status}
          description={t.populationImport.statusDescription}
          value={status}
          options={[
            { value: '', label: t.populationImport.statusFromFile },
            ...STATUSES.map((s) => ({ value: s, label: t.status[s] })),
          ]}
          onChange={(value) => setStatus(value as '' | PopulationStatus)}
          error={errors.find((e) => e.fieldId === 'status')?.message ?? null}
        />
        <TextField
          id="bron"
          label={t.populationImport.source}
          description={t.populationImport.sourceDescription}
          wide
          maxLength={500}
          value={source}
          onChange={setSource}
          error={errors.find((e) => e.fieldId === 'bron')?.message ?? null}
        />
        <div className="rt-actions">
          <Button type="submit" disabled={busy}>
            {t.populationImport.submit}
          </Button>
        </div>
      </form>

      <div role="status" aria-live="polite" className="rt-status-line">
        {progressText}
      </div>
      {phase.kind === 'uploading' || phase.kind === 'checking' ? (
        <progress
          className="rt-progress"
          aria-label={t.populationImport.progressLabel}
          max={100}
          value={phase.kind === 'uploading' ? phase.percent : undefined}
        />
      ) : null}

      <div ref={resultRef} tabIndex={-1} className="rt-result">
        {result ? (
          <Alert type="ok" role="none" heading={t.populationImport.successTitle}>
            <Paragraph>
              {t.populationImport.summary(
                result.rowCount,
                number(result.rowCount),
                result.replacedCount,
                number(result.replacedCount),
                date(result.referenceDate),
                t.status[result.status],
              )}
            </Paragraph>
            <Paragraph lang="nl">{t.populationImport.sourceIs(result.source)}</Paragraph>
            {result.warnings.length > 0 ? (
              <>
                <p className="rt-alert-heading">{t.populationImport.warningsTitle}</p>
                <UnorderedList>
                  {result.warnings.map((w) => (
                    <UnorderedListItem key={w} lang="nl">
                      {w}
                    </UnorderedListItem>
                  ))}
                </UnorderedList>
              </>
            ) : null}
          </Alert>
        ) : null}
        {rejected ? (
          <>
            <Alert type="error" role="none" heading={t.populationImport.rejectedTitle}>
              <Paragraph>{t.populationImport.nothingImported}</Paragraph>
              {rejected.detail ? <Paragraph lang="nl">{rejected.detail}</Paragraph> : null}
            </Alert>
            {lines.length > 0 ? (
              <Table caption={t.populationImport.errorsCaption(lines.length)}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col" className="rt-numeric">
                      {t.populationImport.colLine}
                    </TableHeaderCell>
                    <TableHeaderCell scope="col">{t.populationImport.colField}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t.populationImport.colMessage}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {lines.map((l, i) => (
                    <TableRow key={`${l.line ?? 0}-${i}`}>
                      <TableCell className="rt-numeric">{l.line ?? t.populationImport.wholeFile}</TableCell>
                      <TableCell lang="nl">{l.field || '–'}</TableCell>
                      <TableCell lang="nl">{l.message}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            ) : null}
          </>
        ) : null}
      </div>
    </>
  );
}
