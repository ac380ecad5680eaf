import { useState, type FormEvent } from 'react';
import { asApiError, send } from '../../api/client.ts';
import type { CreatedUser, OrganisationKind } from '../../api/types.ts';
import { useT } from '../../i18n/index.tsx';
import { serverErrors } from '../../shared/formErrors.ts';
import { OnceSecret } from '../../shared/OnceSecret.tsx';
import {
  Button,
  ErrorSummary,
  Heading,
  LoadingStatus,
  PageTitle,
  Paragraph,
  RouterLink,
  SelectField,
  TextField,
  type FormError,
} from '../../ui/index.ts';
import { AdminNav } from './AdminNav.tsx';
import { draftsOf, grantsOf, roleErrors, roleFieldOf, RolesEditor, type RoleDraft } from './RolesEditor.tsx';

const KINDS: OrganisationKind[] = ['rijk', 'provincie', 'gemeente', 'coa', 'corporatie', 'koepel', 'overig'];
const FIELDS: Record<string, string> = { email: 'email', name: 'naam', organisation: 'organisatie', organisationKind: 'soort-organisatie' };

export function NewUserPage() {
  const { t } = useT();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [kind, setKind] = useState<OrganisationKind>('overig');
  const [roles, setRoles] = useState<RoleDraft[]>(() => draftsOf([{ role: 'lid', scope: '' }]));
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedUser | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FormError[] = [];
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) found.push({ fieldId: 'email', message: t.users.errorEmail });
    if (!name.trim()) found.push({ fieldId: 'naam', message: t.users.errorName });
    if (!organisation.trim()) found.push({ fieldId: 'organisatie', message: t.users.errorOrganisation });
    found.push(...roleErrors(t, roles));
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const { data } = await send<CreatedUser>('POST', '/api/v1/users', {
        email: email.trim(),
        name: name.trim(),
        organisation: organisation.trim(),
        organisationKind: kind,
        roles: grantsOf(roles),
      });
      setCreated(data);
    } catch (e) {
      const error = asApiError(e);
      setErrors(
        error.code === 'gebruiker-bestaat'
          ? [{ fieldId: 'email', message: error.detail ?? t.users.errorEmail }]
          : serverErrors(error, (field, code) => FIELDS[field] ?? roleFieldOf(field, code), t.common.errorBody),
      );
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (id: string) => errors.find((e) => e.fieldId === id)?.message ?? null;

  return (
    <>
      <PageTitle>{`${t.users.newTitle} – ${t.app.titleSuffix}`}</PageTitle>
      <AdminNav />
      <Paragraph>
        <RouterLink to="/beheer/gebruikers">
          <span aria-hidden="true">← </span>
          {t.users.backToList}
        </RouterLink>
      </Paragraph>
      <Heading level={1} tabIndex={-1}>
        {t.users.newTitle}
      </Heading>
      {created ? (
        <OnceSecret
          heading={t.users.created(created.user.name)}
          label={t.users.passwordLabel}
          secret={created.password}
          warning={t.users.passwordOnce}
        >
          <Paragraph>
            <RouterLink to={`/beheer/gebruikers/${created.user.id}`}>{t.users.toUser(created.user.name)}</RouterLink>
          </Paragraph>
        </OnceSecret>
      ) : (
        <>
          <Paragraph appearance="lead">{t.users.newLead}</Paragraph>
          <ErrorSummary title={t.form.errorSummaryTitle} errors={errors} />
          <form className="rt-form" noValidate onSubmit={submit} aria-busy={busy}>
            <TextField
              id="email"
              type="email"
              label={t.users.email}
              autoComplete="off"
              spellCheck={false}
              required
              wide
              value={email}
              onChange={setEmail}
              error={fieldError('email')}
            />
            <TextField id="naam" label={t.users.name} autoComplete="off" required wide value={name} onChange={setName} error={fieldError('naam')} />
            <TextField
              id="organisatie"
              label={t.users.organisation}
              description={t.users.organisationDescription}
              autoComplete="organization"
              required
              wide
              value={organisation}
              onChange={setOrganisation}
              error={fieldError('organisatie')}
            />
            <SelectField
              id="soort-organisatie"
              label={t.users.organisationKind}
              value={kind}
              options={KINDS.map((k) => ({ value: k, label: t.organisationKinds[k] }))}
              onChange={(value) => setKind(value as OrganisationKind)}
              error={fieldError('soort-organisatie')}
            />
            <RolesEditor roles={roles} onChange={setRoles} errors={errors} />
            <div className="rt-actions">
              <Button type="submit" disabled={busy}>
                {t.users.create}
              </Button>
            </div>
            <LoadingStatus busy={busy} loadingText={t.users.creating} />
          </form>
        </>
      )}
    </>
  );
}
