import type { RoleGrant, RoleName } from '../../api/types.ts';
import { useT, type Messages } from '../../i18n/index.tsx';
import { PROVINCES } from '../../shared/roles.ts';
import { Button, FieldGroup, SelectField, TextField, type FormError } from '../../ui/index.ts';

export interface RoleDraft extends RoleGrant {
  /** Stable React key while rows are added and removed. */
  key: number;
}

const ROLE_NAMES: RoleName[] = ['secretariaat', 'lid', 'provincie', 'gemeente', 'coa', 'corporatie'];

export const roleFieldId = (index: number) => `rol-${index + 1}`;
export const scopeFieldId = (index: number) => `scope-${index + 1}`;

let nextKey = 1;
export function draftsOf(roles: readonly RoleGrant[]): RoleDraft[] {
  return roles.map((g) => ({ ...g, key: nextKey++ }));
}
export function newDraft(): RoleDraft {
  return { role: 'lid', scope: '', key: nextKey++ };
}

/** The scope a role starts with when it is chosen: the first province for provincie, none for the rest. */
function defaultScope(role: RoleName): string {
  return role === 'provincie' ? (PROVINCES[0]?.code ?? '') : '';
}

/** Client-side checks that save a round trip; the server checks the same and more (e.g. that GMxxxx exists). */
export function roleErrors(t: Messages, roles: readonly RoleDraft[]): FormError[] {
  const errors: FormError[] = [];
  roles.forEach((g, i) => {
    if ((g.role === 'gemeente' || g.role === 'corporatie') && !/^GM\d{4}$/.test(g.scope)) {
      errors.push({ fieldId: scopeFieldId(i), message: t.users.errorScopeMunicipality(i + 1) });
    }
  });
  const keys = roles.map((g) => `${g.role}:${g.scope}`);
  if (new Set(keys).size !== keys.length) errors.push({ fieldId: 'rollen', message: t.users.errorDuplicateRole });
  return errors;
}

/** Which field a server complaint about roles belongs to: `roles.2` → the scope (or role) of the third row. */
export function roleFieldOf(name: string, code: string): string | null {
  const match = /^roles\.(\d+)/.exec(name);
  if (match) return code === 'rol-onbekend' ? roleFieldId(Number(match[1])) : scopeFieldId(Number(match[1]));
  return name === 'roles' ? 'rollen' : null;
}

export function RolesEditor({
  roles,
  onChange,
  errors,
}: {
  roles: RoleDraft[];
  onChange: (roles: RoleDraft[]) => void;
  errors: FormError[];
}) {
  const { t } = useT();
  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message ?? null;
  const update = (index: number, change: Partial<RoleGrant>) =>
    onChange(roles.map((g, i) => (i === index ? { ...g, ...change } : g)));

  return (
    <FieldGroup legend={t.users.rolesLegend} description={t.users.rolesDescription} id="rollen" error={errorFor('rollen')}>
      {roles.map((g, i) => (
        <div className="rt-role-row" key={g.key}>
          <SelectField
            id={roleFieldId(i)}
            label={t.users.role(i + 1)}
            value={g.role}
            error={errorFor(roleFieldId(i))}
            options={ROLE_NAMES.map((r) => ({ value: r, label: t.roles[r] }))}
            onChange={(value) => update(i, { role: value as RoleName, scope: defaultScope(value as RoleName) })}
          />
          {g.role === 'provincie' ? (
            <SelectField
              id={scopeFieldId(i)}
              label={t.users.scopeProvince(i + 1)}
              value={g.scope}
              error={errorFor(scopeFieldId(i))}
              options={PROVINCES.map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }))}
              onChange={(value) => update(i, { scope: value })}
            />
          ) : g.role === 'lid' ? (
            <SelectField
              id={scopeFieldId(i)}
              label={t.users.scopeLid(i + 1)}
              value={g.scope}
              error={errorFor(scopeFieldId(i))}
              options={[
                { value: '', label: t.users.scopeLrt },
                ...PROVINCES.map((p) => ({ value: p.code, label: `PRT ${p.name} (${p.code})` })),
              ]}
              onChange={(value) => update(i, { scope: value })}
            />
          ) : g.role === 'gemeente' || g.role === 'corporatie' ? (
            <TextField
              id={scopeFieldId(i)}
              label={t.users.scopeMunicipality(i + 1)}
              description={t.users.scopeMunicipalityDescription}
              value={g.scope}
              error={errorFor(scopeFieldId(i))}
              maxLength={6}
              spellCheck={false}
              autoComplete="off"
              onChange={(value) => update(i, { scope: value.trim().toUpperCase() })}
            />
          ) : null}
          {roles.length > 1 ? (
            <div className="rt-actions">
              <Button appearance="subtle" onClick={() => onChange(roles.filter((_, j) => j !== i))}>
                {t.users.removeRole(i + 1)}
              </Button>
            </div>
          ) : null}
        </div>
      ))}
      <Button appearance="secondary" onClick={() => onChange([...roles, newDraft()])}>
        {t.users.addRole}
      </Button>
    </FieldGroup>
  );
}

export const grantsOf = (roles: readonly RoleDraft[]): RoleGrant[] => roles.map(({ role, scope }) => ({ role, scope }));
