import { useState, type FormEvent } from 'react';
import { asApiError, send } from '../api/client.ts';
import { serverErrors } from '../shared/formErrors.ts';
import { Button, ErrorSummary, Heading, LoadingStatus, Paragraph, TextField, type FormError } from '../ui/index.ts';
import { useLedgerT } from './common.tsx';
import type { RealisationRecorded } from './types.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const WHOLE = /^\d+$/;
/** The server's limits (POST /api/v1/ledger/{code}/realisations); it checks them again. */
const MAX_PERSONS = 100;
const MAX_COA_NUMBER = 50;

const FIELD_IDS = { date: 'own-date', persons: 'own-persons', householdSize: 'own-household-size', coaNumber: 'own-coa-number' } as const;

/**
 * Which field a server complaint is about. The body's own names come from schema checks (`persons`); the line check
 * behind it names the column of its one-line file (`regel 2: personen`), and a municipality that did not exist on
 * that date is a complaint about the date.
 */
function fieldOfServer(name: string): string | null {
  const field = name.replace(/^regel \d+: /, '');
  if (field === 'date' || field === 'datum' || field === 'gemeentecode') return FIELD_IDS.date;
  if (field === 'persons' || field === 'personen') return FIELD_IDS.persons;
  if (field === 'householdSize' || field === 'huishoudgrootte') return FIELD_IDS.householdSize;
  if (field === 'coaNumber' || field === 'coa_nummer') return FIELD_IDS.coaNumber;
  return null;
}

/** "regel 2, personen: '0' is geen …" → "'0' is geen …": the file the server checked has one line, made by this form. */
const withoutLine = (error: FormError): FormError => ({ ...error, message: error.message.replace(/^regel \d+(, [a-z_]+)?: /, '') });

/** A real calendar date (no 30 February), as the server's `format: 'date'` demands. */
const isDate = (text: string) => ISO_DATE.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;

const wholeIn = (text: string, min: number, max: number) => WHOLE.test(text) && Number(text) >= min && Number(text) <= max;

/** "Eigen telling vastleggen": a municipality records persons it housed, beside COA's count (not over it). */
export function OwnCountForm({ code, onRecorded }: { code: string; onRecorded: () => void }) {
  const { m, t, date: formatDate, number } = useLedgerT();
  const o = m.municipality.ownCount;
  const [date, setDate] = useState('');
  const [persons, setPersons] = useState('');
  const [householdSize, setHouseholdSize] = useState('');
  const [coaNumber, setCoaNumber] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage('');
    const found: FormError[] = [];
    if (!isDate(date)) found.push({ fieldId: FIELD_IDS.date, message: o.errorDate });
    if (!wholeIn(persons.trim(), 1, MAX_PERSONS)) found.push({ fieldId: FIELD_IDS.persons, message: o.errorPersons });
    if (householdSize.trim() !== '' && !wholeIn(householdSize.trim(), 1, MAX_PERSONS)) found.push({ fieldId: FIELD_IDS.householdSize, message: o.errorHouseholdSize });
    if (coaNumber.trim().length > MAX_COA_NUMBER) found.push({ fieldId: FIELD_IDS.coaNumber, message: o.errorCoaNumber });
    setErrors(found);
    if (found.length > 0) return;

    const body = {
      date,
      persons: Number(persons.trim()),
      ...(householdSize.trim() ? { householdSize: Number(householdSize.trim()) } : {}),
      ...(coaNumber.trim() ? { coaNumber: coaNumber.trim() } : {}),
    };
    setBusy(true);
    try {
      const { data } = await send<RealisationRecorded>('POST', `/api/v1/ledger/${code}/realisations`, body);
      setMessage(data.newCount === 0 ? o.known(formatDate(date)) : o.saved(body.persons, number(body.persons), formatDate(date), data.period));
      if (data.newCount > 0) {
        setPersons('');
        setHouseholdSize('');
        setCoaNumber('');
      }
      onRecorded();
    } catch (e) {
      setErrors(serverErrors(asApiError(e), fieldOfServer, t.common.errorBody).map(withoutLine));
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (id: string) => errors.find((e) => e.fieldId === id)?.message ?? null;
  return (
    <form className="rt-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="ledger-own-count" aria-busy={busy}>
      <Heading level={3} id="ledger-own-count">
        {o.title}
      </Heading>
      <Paragraph>{o.help}</Paragraph>
      <ErrorSummary title={t.form.errorSummaryTitle} errors={errors} />
      <TextField id={FIELD_IDS.date} type="date" label={o.date} required value={date} onChange={setDate} error={fieldError(FIELD_IDS.date)} />
      <TextField
        id={FIELD_IDS.persons}
        label={o.persons}
        description={o.personsHelp}
        inputMode="numeric"
        autoComplete="off"
        required
        value={persons}
        onChange={setPersons}
        error={fieldError(FIELD_IDS.persons)}
      />
      <TextField
        id={FIELD_IDS.householdSize}
        label={o.householdSize}
        description={o.householdSizeHelp}
        inputMode="numeric"
        autoComplete="off"
        value={householdSize}
        onChange={setHouseholdSize}
        error={fieldError(FIELD_IDS.householdSize)}
      />
      <TextField
        id={FIELD_IDS.coaNumber}
        label={o.coaNumber}
        description={o.coaNumberHelp}
        autoComplete="off"
        maxLength={MAX_COA_NUMBER}
        value={coaNumber}
        onChange={setCoaNumber}
        error={fieldError(FIELD_IDS.coaNumber)}
      />
      <div className="rt-actions">
        <Button type="submit" disabled={busy}>
          {busy ? o.saving : o.save}
        </Button>
      </div>
      <LoadingStatus busy={busy} loadingText={o.saving} doneText={message} />
    </form>
  );
}
