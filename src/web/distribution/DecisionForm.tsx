import { useState, type FormEvent } from 'react';
import { asApiError, send, type ApiError } from '../api/client.ts';
import type { Coverage } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import { serverErrors } from '../shared/formErrors.ts';
import {
  Alert,
  Button,
  ErrorSummary,
  FileField,
  Heading,
  LoadingStatus,
  Paragraph,
  SelectField,
  TextField,
  type FormError,
} from '../ui/index.ts';
import { AreaTable } from './AreaTable.tsx';
import { isMethod, isPreset, provinceName, useDistributionAccess, useDistributionT } from './common.tsx';
import { parseExisting, parseKeyFile, type CsvProblem } from './files.ts';
import type { DistributionMessages } from './messages.ts';
import { METHODS, PRESETS, type DecisionInput, type DecisionKind, type DecisionView, type KeySpec, type MethodName, type PresetName } from './types.ts';

type KeyChoice = PresetName | 'file';
/** 'province' (the twelve provinces), 'cascade' (all municipalities via the provinces) or a province code. */
type LevelChoice = string;

const F = {
  kind: 'soort',
  title: 'titel',
  total: 'totaal',
  level: 'niveau',
  key: 'sleutel',
  keyFile: 'sleutelbestand',
  method: 'methode',
  referenceDate: 'peildatum',
  boundaryDate: 'indelingsdatum',
  existing: 'bestaand',
  period: 'periode',
  national: 'landelijk',
} as const;

const SERVER_FIELDS: Record<string, string> = {
  title: F.title,
  kind: F.kind,
  level: F.level,
  within: F.level,
  total: F.total,
  method: F.method,
  referenceDate: F.referenceDate,
  boundaryDate: F.boundaryDate,
  period: F.period,
  national: F.national,
};

/** '51.000', '51,000', '51 000' or '51000' → 51000; anything else → null. */
export function parseWhole(raw: string): number | null {
  const compact = raw.replace(/[\s\u00a0]/g, '');
  const digits = /^\d{1,3}([.,]\d{3})+$/.test(compact) ? compact.replace(/[.,]/g, '') : compact;
  if (!/^\d+$/.test(digits)) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}

function csvMessages(m: DistributionMessages, problems: CsvProblem[]): string {
  const words = problems.slice(0, 5).map((p) =>
    m.csv.lineError(
      p.line,
      p.problem === 'columns'
        ? m.csv.columns
        : p.problem === 'code'
          ? m.csv.code(p.value ?? '')
          : p.problem === 'count'
            ? m.csv.count(p.value ?? '')
            : p.problem === 'duplicate'
              ? m.csv.duplicate(p.value ?? '')
              : m.csv.empty,
    ),
  );
  if (problems.length > 5) words.push(m.csv.tooManyErrors(problems.length - 5));
  return words.join('; ');
}

interface Initial {
  kind: DecisionKind;
  title: string;
  total: string;
  level: LevelChoice;
  keyChoice: KeyChoice;
  keptKey: KeySpec | null;
  method: MethodName;
  referenceDate: string;
  boundaryDate: string;
  existing: Record<string, number> | null;
  period: string;
  national: string;
}

function initialFrom(decision: DecisionView | undefined, levelOptions: LevelChoice[]): Initial {
  if (!decision) {
    return {
      kind: 'verdeling',
      title: '',
      total: '',
      level: levelOptions[0] ?? 'province',
      keyChoice: 'population',
      keptKey: null,
      method: 'largest-remainder',
      referenceDate: '',
      boundaryDate: '',
      existing: null,
      period: '',
      national: '',
    };
  }
  const key = decision.key;
  const keyObject = key && typeof key === 'object' ? (key as KeySpec) : null;
  const existing = Object.fromEntries(decision.areas.filter((a) => a.existing !== null && a.existing > 0).map((a) => [a.code, a.existing!]));
  return {
    kind: decision.kind,
    title: decision.title,
    total: decision.kind === 'verdeling' ? String(decision.total) : '',
    level: decision.level === 'province' ? 'province' : (decision.parentCode ?? 'cascade'),
    keyChoice: isPreset(key) ? key : keyObject && !keyObject.indicators && isPreset(keyObject.preset) ? keyObject.preset : 'file',
    keptKey: keyObject,
    method: isMethod(decision.method) ? decision.method : 'largest-remainder',
    referenceDate: decision.referenceDate,
    boundaryDate: decision.kind === 'verdeling' ? decision.boundaryDate : '',
    existing: Object.keys(existing).length > 0 ? existing : null,
    period: decision.period ?? '',
    national: decision.kind === 'taakstelling' ? String(decision.total) : '',
  };
}

export interface DecisionFormProps {
  /** The draft being edited; without it the form creates a new one. */
  decision?: DecisionView;
  version?: number | null;
  onSaved: (view: DecisionView, version: number | null) => void;
  onCancel?: () => void;
  /** After a 412: fetch the draft again (the form is then rebuilt from the server's version). */
  onReload?: () => void;
}

/**
 * Creating or editing a draft decision. "Berekenen" asks the server for the result without storing anything;
 * saving stores a draft (POST) or replaces one (PUT with If-Match). Files (key, existing places) are read in the
 * browser, so their errors show before anything is sent.
 */
export function DecisionForm({ decision, version, onSaved, onCancel, onReload }: DecisionFormProps) {
  const { m, date, number, t } = useDistributionT();
  const access = useDistributionAccess();
  const coverage = useApi<Coverage>('/api/v1/regions/coverage');

  // Which tables the user may decide for; an edited draft stays at its own table (the server refuses a move).
  const editingTable = decision ? (decision.kind === 'verdeling' && decision.level === 'municipality' ? (decision.parentCode ?? '') : '') : null;
  const national = editingTable === null ? access.national : editingTable === '';
  const levelOptions: LevelChoice[] = [
    ...(national ? ['province', 'cascade'] : []),
    ...(editingTable === null ? access.provinces : editingTable ? [editingTable] : []),
  ];
  const [init] = useState(() => initialFrom(decision, levelOptions));
  const [kind, setKind] = useState<DecisionKind>(national ? init.kind : 'verdeling');
  const [title, setTitle] = useState(init.title);
  const [total, setTotal] = useState(init.total);
  const [level, setLevel] = useState<LevelChoice>(levelOptions.includes(init.level) ? init.level : (levelOptions[0] ?? 'province'));
  const [keyChoice, setKeyChoice] = useState<KeyChoice>(init.keyChoice);
  const [keyFile, setKeyFile] = useState<{ name: string; key: KeySpec } | null>(null);
  const [keyFileError, setKeyFileError] = useState<string | null>(null);
  const [method, setMethod] = useState<MethodName>(init.method);
  const [referenceDate, setReferenceDate] = useState(init.referenceDate);
  const [boundaryDate, setBoundaryDate] = useState(init.boundaryDate);
  const [existing, setExisting] = useState<{ values: Record<string, number>; source: string | null } | null>(
    init.existing ? { values: init.existing, source: null } : null,
  );
  const [existingError, setExistingError] = useState<string | null>(null);
  const [period, setPeriod] = useState(init.period);
  const [nationalNumber, setNationalNumber] = useState(init.national);

  const [errors, setErrors] = useState<FormError[]>([]);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<'preview' | 'save' | null>(null);
  const [preview, setPreview] = useState<DecisionView | null>(null);
  const [done, setDone] = useState('');

  const referenceDates = coverage.data?.referenceDates ?? [];
  const chosenReference = referenceDate || referenceDates.at(-1)?.referenceDate || '';

  /** Any change makes an earlier calculation stale, so it disappears. */
  function changed<T>(setter: (value: T) => void) {
    return (value: T) => {
      setter(value);
      setPreview(null);
      setDone('');
    };
  }

  async function readKeyFile(file: File | null) {
    setPreview(null);
    setKeyFileError(null);
    if (!file) return setKeyFile(null);
    const parsed = parseKeyFile(await file.text());
    if ('key' in parsed) setKeyFile({ name: file.name, key: parsed.key });
    else {
      setKeyFile(null);
      setKeyFileError(m.form.keyFileInvalid(parsed.error === 'json' ? parsed.message : m.form.keyFileNotObject));
    }
  }

  async function readExisting(file: File | null) {
    setPreview(null);
    setExistingError(null);
    if (!file) return;
    const parsed = parseExisting(await file.text());
    if (parsed.problems.length > 0) {
      setExisting(null);
      setExistingError(`${m.form.existingErrors} ${csvMessages(m, parsed.problems)}`);
    } else {
      setExisting({ values: parsed.values, source: file.name });
    }
  }

  function keyFor(): { key?: DecisionInput['key']; error?: string } {
    const fileKey = keyFile?.key ?? (keyChoice === init.keyChoice ? init.keptKey : null);
    if (!fileKey) {
      if (keyChoice === 'population') return { key: 'population' };
      return { error: m.form.keyFileNeeded };
    }
    if (keyChoice === 'file' || Array.isArray(fileKey.indicators)) return { key: fileKey };
    return { key: { ...fileKey, preset: keyChoice } };
  }

  /** The request body, or the problems that keep it from being sent. */
  function build(): { input: DecisionInput | null; problems: FormError[] } {
    const problems: FormError[] = [];
    const base: Partial<DecisionInput> = title.trim() ? { title: title.trim() } : {};
    if (kind === 'taakstelling') {
      const p = period.trim().toUpperCase();
      if (!p) problems.push({ fieldId: F.period, message: m.form.required(m.form.period.toLowerCase()) });
      else if (!/^\d{4}-(I|II)$/.test(p)) problems.push({ fieldId: F.period, message: m.form.errorPeriod });
      const n = parseWhole(nationalNumber);
      if (n === null) problems.push({ fieldId: F.national, message: m.form.errorWhole(m.form.national) });
      return { input: problems.length ? null : { ...base, kind, period: p, national: n! }, problems };
    }
    const n = parseWhole(total);
    if (n === null) problems.push({ fieldId: F.total, message: m.form.errorWhole(m.form.total) });
    const key = keyFor();
    if (key.error) problems.push({ fieldId: F.keyFile, message: key.error });
    if (keyFileError) problems.push({ fieldId: F.keyFile, message: keyFileError });
    if (existingError) problems.push({ fieldId: F.existing, message: existingError });
    const boundary = boundaryDate.trim();
    if (boundary && !/^\d{4}-\d{2}-\d{2}$/.test(boundary)) problems.push({ fieldId: F.boundaryDate, message: m.form.errorDate(m.form.boundaryDate) });
    if (!chosenReference) problems.push({ fieldId: F.referenceDate, message: m.form.required(m.form.referenceDate.toLowerCase()) });
    if (problems.length) return { input: null, problems };
    const input: DecisionInput = {
      ...base,
      kind,
      level: level === 'province' ? 'province' : 'municipality',
      ...(level !== 'province' && level !== 'cascade' ? { within: level } : {}),
      total: n!,
      method,
      key: key.key!,
      referenceDate: chosenReference,
      ...(boundary ? { boundaryDate: boundary } : {}),
      ...(existing && Object.keys(existing.values).length > 0 ? { existing: existing.values } : {}),
    };
    return { input, problems };
  }

  function fieldOfServer(name: string): string | null {
    if (SERVER_FIELDS[name]) return SERVER_FIELDS[name]!;
    if (name.startsWith('key') || name.startsWith('areas.values')) return keyChoice === 'population' && !keyFile ? F.key : F.keyFile;
    if (name.startsWith('existing')) return F.existing;
    return null;
  }

  async function run(action: 'preview' | 'save') {
    setDone('');
    setConflict(null);
    const { input, problems } = build();
    setErrors(problems);
    if (!input) return;
    setBusy(action);
    try {
      if (action === 'preview') {
        const { data } = await send<DecisionView>('POST', '/api/v1/distributions/preview', input);
        setPreview(data);
        setDone(m.form.previewDone);
      } else if (decision?.id) {
        const saved = await send<DecisionView>('PUT', `/api/v1/distributions/${decision.id}`, input, { ifMatch: version ?? decision.version });
        onSaved(saved.data, saved.version ?? saved.data.version);
      } else {
        const saved = await send<DecisionView>('POST', '/api/v1/distributions', input);
        onSaved(saved.data, saved.version ?? saved.data.version);
      }
    } catch (e) {
      const error = asApiError(e);
      if (error.status === 412) {
        // Nothing was saved; the input stays until the user chooses to reload.
        setConflict(error);
        setErrors([]);
      } else {
        setErrors(serverErrors(error, fieldOfServer, t.common.errorBody));
      }
    } finally {
      setBusy(null);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void run('save');
  }

  const fieldError = (id: string) => {
    const found = errors.filter((e) => e.fieldId === id).map((e) => e.message);
    return found.length > 0 ? found.join(' ') : null;
  };
  const keptExistingCount = existing ? Object.keys(existing.values).length : 0;
  const fileNeeded = keyChoice !== 'population';

  if (coverage.error) return <ApiErrorState error={coverage.error} onRetry={coverage.retry} />;

  return (
    <>
      {conflict ? (
        <Alert type="error" role="alert" heading={m.form.conflictTitle}>
          <Paragraph>{m.form.conflictBody(conflict.currentVersion ?? 0)}</Paragraph>
          {onReload ? (
            <Button
              appearance="secondary"
              onClick={() => {
                document.querySelector<HTMLElement>('main h1')?.focus();
                onReload();
              }}
            >
              {m.form.reload}
            </Button>
          ) : null}
        </Alert>
      ) : null}
      <ErrorSummary title={t.form.errorSummaryTitle} errors={errors} />
      <form className="rt-form rt-decision-form" noValidate onSubmit={submit} aria-busy={busy !== null}>
        {national ? (
          <SelectField
            id={F.kind}
            label={m.form.kind}
            value={kind}
            options={[
              { value: 'verdeling', label: m.form.kindVerdeling },
              { value: 'taakstelling', label: m.form.kindTaakstelling },
            ]}
            onChange={changed((v: string) => setKind(v === 'taakstelling' ? 'taakstelling' : 'verdeling'))}
            error={fieldError(F.kind)}
          />
        ) : null}
        <TextField
          id={F.title}
          label={`${m.form.title} ${t.form.optional}`}
          description={m.form.titleDescription}
          value={title}
          onChange={changed(setTitle)}
          error={fieldError(F.title)}
          maxLength={200}
          wide
          autoComplete="off"
        />

        {kind === 'taakstelling' ? (
          <>
            <Paragraph>{m.form.taakstellingRule}</Paragraph>
            <TextField
              id={F.period}
              label={m.form.period}
              description={m.form.periodDescription}
              value={period}
              onChange={changed(setPeriod)}
              error={fieldError(F.period)}
              required
              autoComplete="off"
            />
            <TextField
              id={F.national}
              label={m.form.national}
              description={m.form.nationalDescription}
              value={nationalNumber}
              onChange={changed(setNationalNumber)}
              error={fieldError(F.national)}
              inputMode="numeric"
              required
              autoComplete="off"
            />
          </>
        ) : (
          <>
            <TextField
              id={F.total}
              label={m.form.total}
              description={m.form.totalDescription}
              value={total}
              onChange={changed(setTotal)}
              error={fieldError(F.total)}
              inputMode="numeric"
              required
              autoComplete="off"
            />
            <SelectField
              id={F.level}
              label={m.form.level}
              description={access.provinces.length > 0 ? m.form.levelDescription : undefined}
              value={level}
              options={levelOptions.map((option) => ({
                value: option,
                label:
                  option === 'province' ? m.form.levelProvinces : option === 'cascade' ? m.form.levelCascade : m.form.levelWithin(provinceName(option)),
              }))}
              onChange={changed(setLevel)}
              error={fieldError(F.level)}
            />
            <SelectField
              id={F.key}
              label={m.form.key}
              description={m.presetHelp[keyChoice]}
              value={keyChoice}
              options={[...PRESETS, 'file' as const].map((p) => ({ value: p, label: m.presets[p] }))}
              onChange={changed((v: string) => setKeyChoice(isPreset(v) ? v : 'file'))}
              error={fieldError(F.key)}
            />
            {fileNeeded || keyFile ? (
              <>
                <FileField
                  id={F.keyFile}
                  label={m.form.keyFile}
                  description={m.form.keyFileDescription}
                  accept=".json,application/json"
                  onChange={(file) => void readKeyFile(file)}
                  error={fieldError(F.keyFile) ?? keyFileError}
                />
                <p className="rt-status-line" role="status" aria-live="polite">
                  {keyFile ? m.form.keyFileLoaded(keyFile.name) : init.keptKey && keyChoice === init.keyChoice ? m.form.keyFileKept : ''}
                </p>
              </>
            ) : null}
            <SelectField
              id={F.method}
              label={m.form.method}
              description={m.methodHelp[method]}
              value={method}
              options={METHODS.map((name) => ({ value: name, label: m.methods[name] }))}
              onChange={changed((v: string) => setMethod(isMethod(v) ? v : 'largest-remainder'))}
              error={fieldError(F.method)}
            />
            <details className="rt-disclosure">
              <summary>{m.form.methodsAll}</summary>
              <dl className="rt-details">
                {METHODS.map((name) => (
                  <div key={name} className="rt-details__row">
                    <dt>{m.methods[name]}</dt>
                    <dd>{m.methodHelp[name]}</dd>
                  </div>
                ))}
              </dl>
            </details>
            <SelectField
              id={F.referenceDate}
              label={m.form.referenceDate}
              description={m.form.referenceDateDescription}
              value={chosenReference}
              options={referenceDates.map((r) => ({
                value: r.referenceDate,
                label: m.form.referenceDateOption(date(r.referenceDate), t.status[r.status]),
              }))}
              onChange={changed(setReferenceDate)}
              error={fieldError(F.referenceDate)}
              disabled={referenceDates.length === 0}
            />
            <TextField
              id={F.boundaryDate}
              type="date"
              label={`${m.form.boundaryDate} ${t.form.optional}`}
              description={m.form.boundaryDateDescription}
              value={boundaryDate}
              onChange={changed(setBoundaryDate)}
              error={fieldError(F.boundaryDate)}
            />
            <FileField
              id={F.existing}
              label={`${m.form.existing} ${t.form.optional}`}
              description={m.form.existingDescription}
              accept=".csv,text/csv,text/plain"
              onChange={(file) => void readExisting(file)}
              error={fieldError(F.existing) ?? existingError}
            />
            <div className="rt-actions">
              <p className="rt-status-line" role="status" aria-live="polite">
                {existing
                  ? existing.source
                    ? m.form.existingLoaded(keptExistingCount, existing.source)
                    : m.form.existingKept(keptExistingCount)
                  : ''}
              </p>
              {existing ? (
                <Button appearance="subtle" onClick={changed(() => setExisting(null))}>
                  {m.form.existingClear}
                </Button>
              ) : null}
            </div>
          </>
        )}

        <div className="rt-actions">
          <Button appearance="secondary" disabled={busy !== null} onClick={() => void run('preview')}>
            {m.form.preview}
          </Button>
          <Button type="submit" disabled={busy !== null}>
            {decision ? m.form.saveChanges : m.form.saveDraft}
          </Button>
          {onCancel ? (
            <Button appearance="subtle" onClick={onCancel}>
              {m.form.cancel}
            </Button>
          ) : null}
        </div>
        <LoadingStatus busy={busy !== null} loadingText={busy === 'preview' ? m.form.previewing : m.form.saving} doneText={done} />
      </form>

      {preview ? (
        <section aria-labelledby="berekening" className="rt-preview">
          <Heading level={2} id="berekening">
            {m.form.previewTitle}
          </Heading>
          <Alert type="info" role="none">
            <Paragraph>{m.form.previewNote}</Paragraph>
          </Alert>
          <dl className="rt-details">
            <dt>{m.detail.total}</dt>
            <dd>{number(preview.total)}</dd>
            <dt>{m.detail.assigned}</dt>
            <dd>{number(preview.assignedTotal)}</dd>
            <dt>{m.detail.methodNote}</dt>
            <dd lang="nl">{preview.methodNote}</dd>
          </dl>
          <AreaTable decision={preview} caption={m.detail.caption(preview.title)} />
        </section>
      ) : null}
    </>
  );
}
