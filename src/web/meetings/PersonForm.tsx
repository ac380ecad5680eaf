import { useState, type FormEvent } from 'react';
import { isPublicOffice, PERSON_TITLES } from '../../domain/meetings/people.ts';
import { fieldErrors } from '../agenda/logic.ts';
import { asApiError, send } from '../api/client.ts';
import { Button, CheckboxField, ErrorSummary, Heading, LoadingStatus, Paragraph, SelectField, TextField, type FormError } from '../ui/index.ts';
import { useMeetingsT } from './common.tsx';
import type { Person } from './types.ts';

const IDS = {
  title: 'person-title',
  givenName: 'person-given-name',
  initials: 'person-initials',
  tussenvoegsel: 'person-tussenvoegsel',
  surname: 'person-surname',
  organisation: 'person-organisation',
  function: 'person-function',
  publicOffice: 'person-public-office',
} as const;

/** The API's field names (POST /api/v1/people) → this form's fields. */
const SERVER_FIELDS: Record<string, string> = { ...IDS };

/**
 * "Persoon toevoegen aan het register": a substitute or guest who is not in the register yet. Whether the person holds
 * public office decides whether the name stays readable in the Woo publication, so the checkbox says so; a function
 * that is usually a public office only prompts a check, the secretariat decides.
 */
export function PersonForm({ onAdded }: { onAdded: (person: Person) => void }) {
  const { m, t } = useMeetingsT();
  const p = m.person;
  const [title, setTitle] = useState('');
  const [givenName, setGivenName] = useState('');
  const [initials, setInitials] = useState('');
  const [tussenvoegsel, setTussenvoegsel] = useState('');
  const [surname, setSurname] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [fn, setFn] = useState('');
  const [publicOffice, setPublicOffice] = useState(false);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage('');
    const found: FormError[] = [];
    if (!surname.trim()) found.push({ fieldId: IDS.surname, message: p.errorSurname });
    if (!organisation.trim()) found.push({ fieldId: IDS.organisation, message: p.errorOrganisation });
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const { data } = await send<Person>('POST', '/api/v1/people', {
        title: title || null,
        givenName: givenName.trim() || null,
        initials: initials.trim() || null,
        tussenvoegsel: tussenvoegsel.trim() || null,
        surname: surname.trim(),
        organisation: organisation.trim(),
        function: fn.trim() || null,
        publicOffice,
      });
      onAdded(data);
      setMessage(p.added(data.displayName));
      setTitle('');
      setGivenName('');
      setInitials('');
      setTussenvoegsel('');
      setSurname('');
      setOrganisation('');
      setFn('');
      setPublicOffice(false);
    } catch (e) {
      setErrors(fieldErrors(asApiError(e), (name) => SERVER_FIELDS[name] ?? null, t.common.errorBody));
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (id: string) => errors.find((e) => e.fieldId === id)?.message ?? null;
  const suggest = !publicOffice && isPublicOffice(fn);
  return (
    <form className="rt-form rt-meetings-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="meeting-person-new" aria-busy={busy}>
      <Heading level={3} id="meeting-person-new">
        {p.title}
      </Heading>
      <Paragraph>{p.lead}</Paragraph>
      <ErrorSummary title={t.form.errorSummaryTitle} errors={errors} />
      <div className="rt-meetings-row">
        <SelectField
          id={IDS.title}
          label={p.salutation}
          value={title}
          options={[{ value: '', label: p.noSalutation }, ...PERSON_TITLES.map((x) => ({ value: x, label: x }))]}
          onChange={setTitle}
          error={fieldError(IDS.title)}
        />
        <TextField id={IDS.givenName} label={p.givenName} autoComplete="off" maxLength={100} value={givenName} onChange={setGivenName} error={fieldError(IDS.givenName)} />
        <TextField id={IDS.initials} label={p.initials} description={p.initialsHelp} autoComplete="off" maxLength={20} value={initials} onChange={setInitials} error={fieldError(IDS.initials)} />
      </div>
      <div className="rt-meetings-row">
        <TextField
          id={IDS.tussenvoegsel}
          label={p.tussenvoegsel}
          description={p.tussenvoegselHelp}
          autoComplete="off"
          maxLength={20}
          value={tussenvoegsel}
          onChange={setTussenvoegsel}
          error={fieldError(IDS.tussenvoegsel)}
        />
        <TextField id={IDS.surname} label={p.surname} required autoComplete="off" maxLength={100} value={surname} onChange={setSurname} error={fieldError(IDS.surname)} />
      </div>
      <TextField
        id={IDS.organisation}
        label={p.organisation}
        description={p.organisationHelp}
        required
        autoComplete="off"
        maxLength={200}
        value={organisation}
        onChange={setOrganisation}
        error={fieldError(IDS.organisation)}
      />
      <TextField id={IDS.function} label={p.function} wide autoComplete="off" maxLength={200} value={fn} onChange={setFn} error={fieldError(IDS.function)} />
      <CheckboxField id={IDS.publicOffice} label={p.publicOffice} description={p.publicOfficeHelp} checked={publicOffice} onChange={setPublicOffice} />
      <p className="rt-meetings-hint" role="status" aria-live="polite">
        {suggest ? p.publicOfficeSuggest(fn.trim()) : ''}
      </p>
      <div className="rt-actions">
        <Button type="submit" disabled={busy}>
          {busy ? p.saving : p.save}
        </Button>
      </div>
      <LoadingStatus busy={busy} loadingText={p.saving} doneText={message} />
    </form>
  );
}
