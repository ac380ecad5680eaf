import { useState, type FormEvent } from 'react';
import { asApiError, send } from '../api/client.ts';
import { Button, ErrorSummary, LoadingStatus, SelectField, TextareaField, TextField, type FormError } from '../ui/index.ts';
import { PROVINCES, useAgendaT } from './common.tsx';
import { fieldErrors } from './logic.ts';
import type { ActionDetail, Programme } from './types.ts';
import { isDate } from '../../domain/agenda/dates.ts';

const IDS = {
  measure: 'new-action-measure',
  description: 'new-action-description',
  holderOrganisation: 'new-action-holder',
  holderPerson: 'new-action-person',
  holderEmail: 'new-action-email',
  province: 'new-action-province',
  deadline: 'new-action-deadline',
  origin: 'new-action-origin',
} as const;

/** The API's field names (POST /api/v1/actions) → this form's fields. */
const SERVER_FIELDS: Record<string, string> = {
  measureId: IDS.measure,
  measure: IDS.measure,
  description: IDS.description,
  holderOrganisation: IDS.holderOrganisation,
  holderPerson: IDS.holderPerson,
  holderEmail: IDS.holderEmail,
  provinceCode: IDS.province,
  province: IDS.province,
  deadline: IDS.deadline,
  origin: IDS.origin,
};

/**
 * "Nieuwe actie" for the secretariat and the provinces: a measure, a description, a holder and a deadline. A province
 * user starts with its own province filled in. The server checks everything again; its complaints land on the fields.
 */
export function NewActionForm({ programmes, ownProvince, onCreated }: { programmes: Programme[]; ownProvince: string; onCreated: (action: ActionDetail) => void }) {
  const { m, t } = useAgendaT();
  const c = m.create;
  const [measureId, setMeasureId] = useState('');
  const [description, setDescription] = useState('');
  const [holderOrganisation, setHolderOrganisation] = useState('');
  const [holderPerson, setHolderPerson] = useState('');
  const [holderEmail, setHolderEmail] = useState('');
  const [province, setProvince] = useState(ownProvince);
  const [deadline, setDeadline] = useState('');
  const [origin, setOrigin] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FormError[] = [];
    if (!measureId) found.push({ fieldId: IDS.measure, message: c.errorMeasure });
    if (!description.trim()) found.push({ fieldId: IDS.description, message: c.errorDescription });
    if (!holderOrganisation.trim()) found.push({ fieldId: IDS.holderOrganisation, message: c.errorHolder });
    if (!isDate(deadline)) found.push({ fieldId: IDS.deadline, message: c.errorDeadline });
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const { data } = await send<ActionDetail>('POST', '/api/v1/actions', {
        measureId: Number(measureId),
        description: description.trim(),
        holderOrganisation: holderOrganisation.trim(),
        holderPerson: holderPerson.trim() || null,
        holderEmail: holderEmail.trim() || null,
        provinceCode: province || null,
        deadline,
        origin: origin.trim() || null,
      });
      onCreated(data);
    } catch (e) {
      setErrors(fieldErrors(asApiError(e), (name) => SERVER_FIELDS[name] ?? null, t.common.errorBody));
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (id: string) => errors.find((e) => e.fieldId === id)?.message ?? null;
  const measures = programmes.flatMap((p) => p.measures.map((x) => ({ value: String(x.id), label: m.measureLong(p.code, x.number, x.title) })));
  return (
    <form id="agenda-new-form" className="rt-form rt-agenda-new-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="agenda-new" aria-busy={busy}>
      <ErrorSummary title={t.form.errorSummaryTitle} errors={errors} />
      <SelectField
        id={IDS.measure}
        label={c.measure}
        required
        value={measureId}
        options={[{ value: '', label: c.chooseMeasure }, ...measures]}
        onChange={setMeasureId}
        error={fieldError(IDS.measure)}
      />
      <TextareaField id={IDS.description} label={c.description} required maxLength={4000} value={description} onChange={setDescription} error={fieldError(IDS.description)} />
      <TextField id={IDS.holderOrganisation} label={c.holderOrganisation} required wide maxLength={200} value={holderOrganisation} onChange={setHolderOrganisation} error={fieldError(IDS.holderOrganisation)} />
      <TextField id={IDS.holderPerson} label={c.holderPerson} wide maxLength={200} value={holderPerson} onChange={setHolderPerson} error={fieldError(IDS.holderPerson)} />
      <TextField
        id={IDS.holderEmail}
        type="email"
        label={c.holderEmail}
        description={c.holderEmailHelp}
        autoComplete="off"
        wide
        value={holderEmail}
        onChange={setHolderEmail}
        error={fieldError(IDS.holderEmail)}
      />
      <SelectField
        id={IDS.province}
        label={c.province}
        value={province}
        options={[{ value: '', label: c.noProvince }, ...PROVINCES.map((p) => ({ value: p.code, label: p.name }))]}
        onChange={setProvince}
        error={fieldError(IDS.province)}
      />
      <TextField id={IDS.deadline} type="date" label={c.deadline} required value={deadline} onChange={setDeadline} error={fieldError(IDS.deadline)} />
      <TextField id={IDS.origin} label={c.origin} description={c.originHelp} wide maxLength={500} value={origin} onChange={setOrigin} error={fieldError(IDS.origin)} />
      <div className="rt-actions">
        <Button type="submit" disabled={busy}>
          {busy ? c.saving : c.save}
        </Button>
      </div>
      <LoadingStatus busy={busy} loadingText={c.saving} />
    </form>
  );
}
