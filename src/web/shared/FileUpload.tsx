import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { asApiError, type ApiError } from '../api/client.ts';
import { useT } from '../i18n/index.tsx';
import { Alert, Button, ErrorSummary, FileField, LoadingStatus, Paragraph, UnorderedList, UnorderedListItem, type FormError } from '../ui/index.ts';
import { serverErrors } from './formErrors.ts';
import { CSV_OR_XLSX, lineError, toBase64, uploadFormat, type UploadFormat } from './upload.ts';

/** What an upload sends: the file's text (CSV) or its bytes in base64 (Excel), and its name. */
export interface UploadPayload {
  format: UploadFormat;
  content: string;
  fileName: string;
}

type Phase = 'idle' | 'reading' | 'uploading';

export interface FileUploadFormProps<R> {
  /** The id of the file field: every complaint about the file lands there. */
  id: string;
  submitLabel: string;
  /** Sends the file; a 422 answer is the server's refusal of the file, line by line. */
  upload: (payload: UploadPayload) => Promise<R>;
  /** Where a server complaint about another field lands (the file's own fields always land on the file field). */
  fieldOf?: (name: string) => string | null;
  /** The page's own fields before and after the file, given the error of a field by its id. */
  before?: (errorOf: (fieldId: string) => string | null) => ReactNode;
  after?: (errorOf: (fieldId: string) => string | null) => ReactNode;
  /** The same file had been read before (the server changed nothing). */
  alreadyUploaded?: (result: R) => boolean;
  /** What the page says about a file that was read: its counts. */
  success: (result: R) => ReactNode;
  /** An extra class on the list of line errors. */
  listClassName?: string;
}

/**
 * An all-or-nothing file upload: the checks before sending (a file, CSV or Excel, not empty), reading and sending,
 * then either the page's account of the file that was read or the server's refusal line by line. The refusal is also
 * the file field's error, so it is read out with the field; focus moves to the outcome so it is read out at once.
 */
export function FileUploadForm<R>({ id, submitLabel, upload, fieldOf, before, after, alreadyUploaded, success, listClassName }: FileUploadFormProps<R>) {
  const { t } = useT();
  const u = t.upload;
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [phase, setPhase] = useState<Phase>('idle');
  const [result, setResult] = useState<R | null>(null);
  const [rejected, setRejected] = useState<ApiError | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    setRejected(null);
    const format = file ? uploadFormat(file.name) : null;
    const problem = !file ? u.errorFile : !format ? u.errorFormat : file.size === 0 ? u.errorEmpty : null;
    setErrors(problem ? [{ fieldId: id, message: problem }] : []);
    if (problem || !file || !format) return;
    setPhase('reading');
    let content: string;
    try {
      content = format === 'xlsx' ? toBase64(new Uint8Array(await file.arrayBuffer())) : await file.text();
    } catch {
      setPhase('idle');
      return setErrors([{ fieldId: id, message: u.errorRead }]);
    }
    if (!content.trim()) {
      setPhase('idle');
      return setErrors([{ fieldId: id, message: u.errorEmpty }]);
    }
    setPhase('uploading');
    try {
      setResult(await upload({ format, content, fileName: file.name }));
    } catch (e) {
      const error = asApiError(e);
      if (error.status === 422) setRejected(error);
      else setErrors(serverErrors(error, (name) => (name === 'content' || name === 'fileName' || name === 'format' ? id : (fieldOf?.(name) ?? null)), t.common.errorBody));
    } finally {
      setPhase('idle');
      window.setTimeout(() => resultRef.current?.focus(), 0);
    }
  }

  const busy = phase !== 'idle';
  const lines = rejected ? rejected.invalidParams.map(lineError) : [];
  const errorOf = (fieldId: string) => errors.find((e) => e.fieldId === fieldId)?.message ?? null;
  return (
    <>
      <ErrorSummary title={t.form.errorSummaryTitle} errors={errors} />
      <form className="rt-form" noValidate onSubmit={(e) => void submit(e)} aria-busy={busy}>
        {before?.(errorOf)}
        <FileField
          id={id}
          label={u.file}
          description={u.fileHelp}
          accept={CSV_OR_XLSX}
          required
          onChange={setFile}
          error={errorOf(id) ?? (rejected ? u.refusedField(Math.max(lines.length, 1)) : null)}
        />
        {after?.(errorOf)}
        <div className="rt-actions">
          <Button type="submit" disabled={busy}>
            {submitLabel}
          </Button>
        </div>
      </form>
      <LoadingStatus busy={busy} loadingText={phase === 'reading' ? u.reading : u.uploading} />
      <div ref={resultRef} tabIndex={-1} className="rt-result">
        {result ? (
          <Alert type="ok" role="none" heading={alreadyUploaded?.(result) ? u.alreadyTitle : u.successTitle}>
            {success(result)}
          </Alert>
        ) : null}
        {rejected ? (
          <Alert type="error" role="none" heading={u.rejectedTitle}>
            <Paragraph>{u.nothingChanged}</Paragraph>
            {rejected.detail ? <Paragraph lang="nl">{rejected.detail}</Paragraph> : null}
            {lines.length > 0 ? (
              <>
                <p className="rt-alert-heading">{u.errorsTitle(lines.length)}</p>
                <UnorderedList className={['rt-upload-line-errors', listClassName].filter(Boolean).join(' ')}>
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
    </>
  );
}
