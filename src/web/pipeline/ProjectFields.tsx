import { SelectField, TextareaField, TextField, type FormError } from '../ui/index.ts';
import { usePipelineT } from './common.tsx';
import { PROJECT_FIELDS as F, statusChoices, type ProjectDraft } from './logic.ts';
import { PROJECT_STATUSES, type MunicipalityRef, type Project, type ProjectStatus, type Track } from './types.ts';

/**
 * The fields of a project, for a new project (track, code and municipality chosen here) and for an existing one
 * (those three fixed; a reason field for a moved delivery date; only the statuses the rules allow).
 */
export function ProjectFields({
  draft,
  onChange,
  errors,
  tracks,
  municipalities,
  existing,
}: {
  draft: ProjectDraft;
  onChange: (next: ProjectDraft) => void;
  errors: readonly FormError[];
  tracks?: readonly Track[];
  municipalities?: readonly MunicipalityRef[];
  existing?: Project;
}) {
  const { m, status } = usePipelineT();
  const f = m.form;
  const set = (changes: Partial<ProjectDraft>) => onChange({ ...draft, ...changes });
  const err = (id: string) => {
    const found = errors.filter((e) => e.fieldId === id).map((e) => e.message);
    return found.length > 0 ? found.join(' ') : null;
  };
  const statuses: readonly ProjectStatus[] = existing ? statusChoices(existing.status) : PROJECT_STATUSES;
  const moved = existing !== undefined && draft.expectedDelivery !== existing.expectedDelivery;
  return (
    <>
      {existing ? null : (
        <>
          <SelectField
            id={F.trackCode}
            label={f.track}
            required
            value={draft.trackCode}
            options={[{ value: '', label: f.chooseTrack }, ...(tracks ?? []).map((t) => ({ value: t.code, label: `${t.code} – ${t.name}` }))]}
            onChange={(v) => set({ trackCode: v })}
            error={err(F.trackCode)}
          />
          <TextField id={F.reference} label={f.reference} description={f.referenceHelp} required maxLength={60} value={draft.reference} onChange={(v) => set({ reference: v })} error={err(F.reference)} />
          <SelectField
            id={F.municipalityCode}
            label={f.municipality}
            description={f.municipalityHelp}
            required
            value={draft.municipalityCode}
            options={[{ value: '', label: f.chooseMunicipality }, ...(municipalities ?? []).map((x) => ({ value: x.code, label: `${x.name} (${x.code})` }))]}
            onChange={(v) => set({ municipalityCode: v })}
            error={err(F.municipalityCode)}
          />
        </>
      )}
      <TextField id={F.name} label={f.name} required wide maxLength={200} value={draft.name} onChange={(v) => set({ name: v })} error={err(F.name)} />
      <TextField id={F.party} label={f.party} description={f.partyHelp} required wide maxLength={200} value={draft.party} onChange={(v) => set({ party: v })} error={err(F.party)} />
      <TextField id={F.homeType} label={f.homeType} description={f.homeTypeHelp} required maxLength={100} value={draft.homeType} onChange={(v) => set({ homeType: v })} error={err(F.homeType)} />
      <TextField id={F.units} label={f.units} required inputMode="numeric" value={draft.units} onChange={(v) => set({ units: v })} error={err(F.units)} />
      <TextField id={F.reservedUnits} label={f.reservedUnits} required inputMode="numeric" value={draft.reservedUnits} onChange={(v) => set({ reservedUnits: v })} error={err(F.reservedUnits)} />
      <TextField
        id={F.expectedDelivery}
        type="date"
        label={f.delivery}
        description={existing ? f.deliveryHelp : undefined}
        required
        value={draft.expectedDelivery}
        onChange={(v) => set({ expectedDelivery: v })}
        error={err(F.expectedDelivery)}
      />
      {existing ? (
        <TextareaField
          id={F.reason}
          label={f.reason}
          description={f.reasonHelp}
          required={moved}
          maxLength={1000}
          rows={2}
          value={draft.reason}
          onChange={(v) => set({ reason: v })}
          error={err(F.reason)}
        />
      ) : null}
      <SelectField
        id={F.status}
        label={f.status}
        required
        value={draft.status}
        options={statuses.map((s) => ({ value: s, label: status(s) }))}
        onChange={(v) => set({ status: v as ProjectStatus })}
        error={err(F.status)}
      />
      <TextField id={F.costPerUnitCents} label={f.cost} description={f.costHelp} inputMode="decimal" value={draft.cost} onChange={(v) => set({ cost: v })} error={err(F.costPerUnitCents)} />
    </>
  );
}
