import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { asApiError, send } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import { useSession } from '../auth/session.tsx';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import {
  Alert,
  Button,
  Heading,
  LoadingStatus,
  PageTitle,
  Paragraph,
  RouterLink,
  SelectField,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TextareaField,
  TextField,
} from '../ui/index.ts';
import { provinceName, useLedgerT } from './common.tsx';
import { LedgerChart } from './LedgerChart.tsx';
import { OwnCountForm } from './OwnCountForm.tsx';
import { LADDER_STEPS, type LadderStep, type LedgerPeriodView, type MunicipalityLedgerView } from './types.ts';

// The pipeline's chunk loads only when a ledger page shows its section.
const MunicipalityPipeline = lazy(() => import('../pipeline/index.ts').then((mod) => ({ default: mod.MunicipalityPipeline })));
// The reception locations, the province's actions and reports: from the dashboard's chunk, loaded with the section.
const MunicipalityContext = lazy(() => import('../dashboard/index.ts').then((mod) => ({ default: mod.MunicipalityContext })));

const today = () => new Date().toISOString().slice(0, 10);

function PeriodLine({ line }: { line: LedgerPeriodView }) {
  const { m, number, signed, date } = useLedgerT();
  const rows: [string, string, boolean?][] = [
    [m.municipality.taakstelling, number(line.taakstelling)],
    [m.municipality.carriedFromPrevious, signed(line.carriedFromPrevious)],
    ...line.transfersIn.map((tr): [string, string] => [m.municipality.transferFrom(tr.fromName ?? tr.fromCode, tr.kind, date(tr.effectiveDate)), signed(tr.amount)]),
    ...line.swaps.map((s): [string, string] => [m.municipality.swapWith(s.counterpart), signed(s.amount)]),
    [m.municipality.corrected, number(line.corrected), true],
    [m.municipality.realised, number(line.realised)],
    [m.municipality.carriedOut, signed(line.carriedOut), true],
  ];
  return (
    <>
      <Table caption={m.municipality.lineCaption(line.period)}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{m.municipality.item}</TableHeaderCell>
            <TableHeaderCell scope="col" className="rt-numeric">
              {m.municipality.amount}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map(([label, value, strong], i) => (
            <TableRow key={`${i}-${label}`} className={strong ? 'rt-ledger-line--sum' : undefined}>
              <TableHeaderCell scope="row">{label}</TableHeaderCell>
              <TableCell className="rt-numeric">{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Paragraph>
        <strong>{m.municipality.explanation}:</strong> <span lang="nl">{line.explanation}</span>
      </Paragraph>
    </>
  );
}

/**
 * What the province's two forms share: a required reason, the server's refusal in its own words, and a busy state.
 * `submit` checks the reason, posts, and on success clears the reason and reports `saved`.
 */
function useReasonedPost(reasonFieldId: string) {
  const { m } = useLedgerT();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent, post: (reason: string) => Promise<unknown>, saved: () => void) {
    event.preventDefault();
    setRefusal(null);
    if (reason.trim() === '') {
      setReasonError(m.municipality.required);
      document.getElementById(reasonFieldId)?.focus();
      return;
    }
    setReasonError(null);
    setBusy(true);
    try {
      await post(reason.trim());
      setReason('');
      saved();
    } catch (e) {
      const error = asApiError(e);
      setRefusal(error.invalidParams[0]?.reason ?? error.detail ?? error.title);
    } finally {
      setBusy(false);
    }
  }

  return { reason, setReason, reasonError, refusal, busy, submit };
}

function StepForm({ code, current, onSaved }: { code: string; current: LadderStep; onSaved: (message: string) => void }) {
  const { m, step: stepLabel } = useLedgerT();
  const next = LADDER_STEPS[Math.min(LADDER_STEPS.indexOf(current) + 1, LADDER_STEPS.length - 1)]!;
  const [step, setStep] = useState<LadderStep>(next);
  const [date, setDate] = useState(today());
  const { reason, setReason, reasonError, refusal, busy, submit } = useReasonedPost('ledger-step-reason');
  const onSubmit = (event: FormEvent) =>
    submit(
      event,
      (r) => send('POST', `/api/v1/ledger/${code}/steps`, { step, date, reason: r }),
      () => onSaved(m.municipality.stepSaved(stepLabel(step))),
    );

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="ledger-step-form">
      <Heading level={3} id="ledger-step-form">
        {m.municipality.stepForm}
      </Heading>
      {refusal ? (
        <Alert type="error" role="alert" heading={m.municipality.refused}>
          <Paragraph lang="nl">{refusal}</Paragraph>
        </Alert>
      ) : null}
      <SelectField
        id="ledger-step"
        label={m.municipality.stepField}
        description={m.municipality.stepHelp}
        value={step}
        options={LADDER_STEPS.map((s) => ({ value: s, label: stepLabel(s) }))}
        onChange={(v) => setStep(v as LadderStep)}
      />
      <TextField id="ledger-step-date" type="date" label={m.municipality.dateField} value={date} onChange={setDate} required />
      <TextareaField id="ledger-step-reason" label={m.municipality.reasonField} value={reason} onChange={setReason} error={reasonError} required maxLength={2000} />
      <Button type="submit" disabled={busy}>
        {busy ? m.municipality.saving : m.municipality.save}
      </Button>
    </form>
  );
}

function ExcuseForm({ code, onSaved }: { code: string; onSaved: (message: string) => void }) {
  const { m } = useLedgerT();
  const [from, setFrom] = useState(today());
  const [to, setTo] = useState(today());
  const { reason, setReason, reasonError, refusal, busy, submit } = useReasonedPost('ledger-excuse-reason');
  const onSubmit = (event: FormEvent) =>
    submit(
      event,
      (r) => send('POST', `/api/v1/ledger/${code}/excuses`, { from, to, reason: r }),
      () => onSaved(m.municipality.excuseSaved),
    );

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="ledger-excuse-form">
      <Heading level={3} id="ledger-excuse-form">
        {m.municipality.excuseForm}
      </Heading>
      <Paragraph>{m.municipality.excuseHelp}</Paragraph>
      {refusal ? (
        <Alert type="error" role="alert" heading={m.municipality.excuseRefused}>
          <Paragraph lang="nl">{refusal}</Paragraph>
        </Alert>
      ) : null}
      <TextField id="ledger-excuse-from" type="date" label={m.municipality.fromField} value={from} onChange={setFrom} required />
      <TextField id="ledger-excuse-to" type="date" label={m.municipality.toField} value={to} onChange={setTo} required />
      <TextareaField id="ledger-excuse-reason" label={m.municipality.reasonField} value={reason} onChange={setReason} error={reasonError} required maxLength={2000} />
      <Button type="submit" appearance="secondary" disabled={busy}>
        {busy ? m.municipality.saving : m.municipality.saveExcuse}
      </Button>
    </form>
  );
}

export function MunicipalityLedgerPage() {
  const { m, t, number, date, signed, month, step } = useLedgerT();
  const session = useSession();
  const code = (useParams().code ?? '').toUpperCase();
  // The overview passes its reading date on, so a running half-year is not judged as if it had ended.
  const [params] = useSearchParams();
  const asOf = params.get('peildatum');
  const data = useApi<MunicipalityLedgerView>(`/api/v1/ledger/${encodeURIComponent(code)}${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`);
  const [notice, setNotice] = useState('');
  // While a change reloads the ledger, keep showing the last one: the forms stay put and keyboard focus is not lost.
  const [last, setLast] = useState<MunicipalityLedgerView | null>(null);
  if (data.data && data.data !== last) setLast(data.data);
  const v = data.data ?? (data.status === 'loading' && last?.municipalityCode === code ? last : null);
  const title = v ? m.municipality.title(v.name) : m.municipality.title(code);
  const supervises = v ? session.may('ledger.supervise', { provinceCode: v.provinceCode }) : false;
  const records = v ? session.may('realisation.record', { municipalityCode: v.municipalityCode }) : false;
  const saved = (message: string) => {
    setNotice(message);
    data.retry();
  };

  return (
    <>
      <PageTitle>{`${title} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {title}
      </Heading>
      <div className="rt-actions">
        <RouterLink to={v ? `/taakstelling/overzicht?provincie=${v.provinceCode}` : '/taakstelling/overzicht'}>{m.municipality.back}</RouterLink>
        <RouterLink to="/taakstelling">{m.municipality.toMap}</RouterLink>
      </div>
      <p className="rt-status-line" role="status" aria-live="polite">
        {notice}
      </p>
      {data.status === 'loading' && !v ? <LoadingStatus busy loadingText={t.common.loading} /> : null}
      {data.error ? <ApiErrorState error={data.error} onRetry={data.retry} /> : null}
      {v ? (
        <>
          <Paragraph>
            {v.municipalityCode} · {provinceName(v.provinceCode)} · {m.asOfLine(date(v.asOf))}
          </Paragraph>
          {v.ledger.periods.map((line) => (
            <section key={line.period} aria-labelledby={`period-${line.period}`}>
              <Heading level={2} id={`period-${line.period}`}>
                {m.municipality.lineTitle(line.period)} ({line.finished ? m.municipality.finished : m.municipality.running})
              </Heading>
              <PeriodLine line={line} />
              <LedgerChart line={line} />
            </section>
          ))}

          <section aria-labelledby="ledger-ladder">
            <Heading level={2} id="ledger-ladder">
              {m.municipality.ladderTitle}
            </Heading>
            <dl className="rt-ledger-totals">
              <div>
                <dt>{m.municipality.currentStep}</dt>
                <dd data-testid="current-step">
                  {step(v.ladder.current.step)}
                  {v.ladder.current.since ? ` (${m.municipality.since(date(v.ladder.current.since))})` : ''}
                </dd>
              </div>
              <div>
                <dt>{m.municipality.suggestion}</dt>
                <dd>
                  {step(v.ladder.suggestion.suggested)}
                  <span className="rt-ledger-reason" lang="nl">
                    {v.ladder.suggestion.reason}
                  </span>
                </dd>
              </div>
            </dl>
            {v.ladder.history.length === 0 ? (
              <Paragraph>{m.municipality.noHistory}</Paragraph>
            ) : (
              <Table caption={m.municipality.historyCaption}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{m.municipality.colDate}</TableHeaderCell>
                    <TableHeaderCell scope="col">{m.municipality.colStep}</TableHeaderCell>
                    <TableHeaderCell scope="col">{m.municipality.colReason}</TableHeaderCell>
                    <TableHeaderCell scope="col">{m.municipality.colBy}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {v.ladder.history.map((h, i) => (
                    <TableRow key={`${h.date}-${i}`}>
                      <TableCell className="rt-nowrap">{date(h.date)}</TableCell>
                      <TableHeaderCell scope="row">{step(h.step)}</TableHeaderCell>
                      <TableCell lang="nl">{h.reason}</TableCell>
                      <TableCell>{h.decidedBy}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
            {v.ledger.excused.length > 0 ? (
              <Table caption={m.municipality.excusesCaption}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{m.municipality.fromField}</TableHeaderCell>
                    <TableHeaderCell scope="col">{m.municipality.toField}</TableHeaderCell>
                    <TableHeaderCell scope="col">{m.municipality.colReason}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {v.ledger.excused.map((e, i) => (
                    <TableRow key={`${e.from}-${i}`}>
                      <TableCell className="rt-nowrap">{date(e.from)}</TableCell>
                      <TableCell className="rt-nowrap">{date(e.to)}</TableCell>
                      <TableCell lang="nl">{e.reason}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            ) : null}
            {supervises ? (
              <div className="rt-ledger-forms">
                {/* A new key after each change: the form starts again at the next step up. */}
                <StepForm key={`${v.ladder.current.step}-${v.ladder.history.length}`} code={v.municipalityCode} current={v.ladder.current.step} onSaved={saved} />
                <ExcuseForm key={`excuse-${v.ledger.excused.length}`} code={v.municipalityCode} onSaved={saved} />
              </div>
            ) : null}
          </section>

          <section aria-labelledby="ledger-reconciliation">
            <Heading level={2} id="ledger-reconciliation">
              {m.municipality.reconciliationTitle}
            </Heading>
            {v.reconciliation.length === 0 ? (
              <Paragraph>{m.municipality.noReconciliation}</Paragraph>
            ) : (
              <Table caption={m.municipality.reconciliationCaption}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{m.municipality.colMonth}</TableHeaderCell>
                    <TableHeaderCell scope="col" className="rt-numeric">{m.municipality.colCoa}</TableHeaderCell>
                    <TableHeaderCell scope="col" className="rt-numeric">{m.municipality.colOwn}</TableHeaderCell>
                    <TableHeaderCell scope="col" className="rt-numeric">{m.municipality.colDifference}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {v.reconciliation.map((r) => (
                    <TableRow key={r.month}>
                      <TableHeaderCell scope="row">{month(r.month)}</TableHeaderCell>
                      <TableCell className="rt-numeric">{r.coa === null ? m.noValue : number(r.coa)}</TableCell>
                      <TableCell className="rt-numeric">{r.municipality === null ? m.noValue : number(r.municipality)}</TableCell>
                      <TableCell className="rt-numeric">{r.difference === null ? m.noValue : signed(r.difference)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
            {records ? <OwnCountForm code={v.municipalityCode} onRecorded={data.retry} /> : null}
          </section>

          {session.may('pipeline.read') ? (
            <Suspense fallback={<LoadingStatus busy loadingText={t.common.loading} />}>
              <MunicipalityPipeline code={v.municipalityCode} asOf={asOf} />
            </Suspense>
          ) : null}
          <Suspense fallback={<LoadingStatus busy loadingText={t.common.loading} />}>
            <MunicipalityContext code={v.municipalityCode} provinceCode={v.provinceCode} asOf={asOf} />
          </Suspense>
        </>
      ) : null}
    </>
  );
}
