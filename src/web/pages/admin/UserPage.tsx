import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { asApiError, send, type ApiError } from '../../api/client.ts';
import type { CreatedUser, User } from '../../api/types.ts';
import { useVersioned } from '../../api/useVersioned.ts';
import { useSession } from '../../auth/session.tsx';
import { useT } from '../../i18n/index.tsx';
import { ApiErrorState } from '../../shared/ApiErrorState.tsx';
import { serverErrors } from '../../shared/formErrors.ts';
import { History } from '../../shared/History.tsx';
import { OnceSecret } from '../../shared/OnceSecret.tsx';
import { rolesLabel } from '../../shared/roles.ts';
import {
  Alert,
  Button,
  CheckboxField,
  ErrorSummary,
  Heading,
  LoadingStatus,
  PageTitle,
  Paragraph,
  RouterLink,
  TextField,
  type FormError,
} from '../../ui/index.ts';
import { AdminNav } from './AdminNav.tsx';
import { draftsOf, grantsOf, roleErrors, roleFieldOf, RolesEditor, type RoleDraft } from './RolesEditor.tsx';
import { DEMO_NOTE_ID, UserStatus } from './UsersPage.tsx';

/** A save that built on an old version: what the server says is current now. */
export function ConflictAlert({ title, body, onReload }: { title: string; body: string; onReload: () => void }) {
  const { t } = useT();
  return (
    <Alert type="error" role="alert" heading={title}>
      <Paragraph>{body}</Paragraph>
      <Button
        appearance="secondary"
        onClick={() => {
          // The alert and the form disappear while loading; keep keyboard users on the page heading.
          document.querySelector<HTMLElement>('main h1')?.focus();
          onReload();
        }}
      >
        {t.users.reload}
      </Button>
    </Alert>
  );
}

function EditUserForm({ user, version, onSaved, onReload }: {
  user: User;
  version: number | null;
  onSaved: (user: User, version: number | null) => void;
  onReload: () => void;
}) {
  const { t } = useT();
  const [name, setName] = useState(user.name);
  const [roles, setRoles] = useState<RoleDraft[]>(() => draftsOf(user.roles));
  const [disabled, setDisabled] = useState(user.disabled);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage('');
    setConflict(null);
    const found: FormError[] = [];
    if (!name.trim()) found.push({ fieldId: 'naam', message: t.users.errorName });
    found.push(...roleErrors(t, roles));
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const saved = await send<User>(
        'PATCH',
        `/api/v1/users/${user.id}`,
        { name: name.trim(), roles: grantsOf(roles), disabled },
        { ifMatch: version ?? user.version },
      );
      onSaved(saved.data, saved.version ?? saved.data.version);
      setMessage(t.users.saved);
    } catch (e) {
      const error = asApiError(e);
      if (error.status === 412) {
        // Nothing was saved; the user's input stays in the form until they choose to reload.
        setConflict(error);
        setErrors([]);
      } else {
        setErrors(serverErrors(error, (field, code) => (field === 'name' ? 'naam' : field === 'disabled' ? 'uitgeschakeld' : roleFieldOf(field, code)), t.common.errorBody));
      }
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (id: string) => errors.find((e) => e.fieldId === id)?.message ?? null;
  return (
    <>
      {conflict ? (
        <ConflictAlert
          title={t.users.conflictTitle}
          body={t.users.conflictBody(conflict.currentVersion ?? 0)}
          onReload={onReload}
        />
      ) : null}
      <ErrorSummary title={t.form.errorSummaryTitle} errors={errors} />
      <form className="rt-form" noValidate onSubmit={submit} aria-busy={busy}>
        <TextField id="naam" label={t.users.name} required wide autoComplete="off" value={name} onChange={setName} error={fieldError('naam')} />
        <RolesEditor roles={roles} onChange={setRoles} errors={errors} />
        <CheckboxField
          id="uitgeschakeld"
          label={t.users.disabledLabel}
          description={t.users.disabledDescription}
          checked={disabled}
          onChange={setDisabled}
        />
        <div className="rt-actions">
          <Button type="submit" disabled={busy}>
            {t.form.save}
          </Button>
        </div>
        <LoadingStatus busy={busy} loadingText={t.form.saving} doneText={message} />
      </form>
    </>
  );
}

export function UserPage() {
  const { t, dateTime } = useT();
  const session = useSession();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const user = useVersioned<User>(valid ? `/api/v1/users/${id}` : null);
  const [saves, setSaves] = useState(0);
  const [reloads, setReloads] = useState(0);
  const [password, setPassword] = useState<string | null>(null);
  const [resetting, setResetting] = useState(false);
  const [resetError, setResetError] = useState<FormError[]>([]);

  const data = user.data;
  const heading = data?.name ?? t.users.detailTitleLoading;
  const notFound = !valid || (user.error && (user.error.status === 404 || user.error.status === 400));
  const canManage = session.may('users.manage');

  async function resetPassword() {
    setResetting(true);
    setResetError([]);
    setPassword(null);
    try {
      const { data: result } = await send<CreatedUser>('POST', `/api/v1/users/${id}/password`, {});
      user.replace(result.user, result.user.version);
      setPassword(result.password);
      setSaves((n) => n + 1);
    } catch (e) {
      setResetError([{ message: asApiError(e).detail ?? t.common.errorBody }]);
    } finally {
      setResetting(false);
    }
  }

  return (
    <>
      <PageTitle>{`${heading} – ${t.users.title} – ${t.app.titleSuffix}`}</PageTitle>
      <AdminNav />
      <Paragraph>
        <RouterLink to="/beheer/gebruikers">
          <span aria-hidden="true">← </span>
          {t.users.backToList}
        </RouterLink>
      </Paragraph>
      <Heading level={1} tabIndex={-1}>
        {heading}
      </Heading>
      <LoadingStatus busy={valid && user.status === 'loading'} loadingText={t.common.loading} />
      {notFound ? (
        <Alert type="info" role="none">
          <Paragraph>{t.users.notFound}</Paragraph>
        </Alert>
      ) : user.error ? (
        <ApiErrorState error={user.error} onRetry={user.reload} />
      ) : null}

      {data ? (
        <>
          <Heading level={2}>{t.users.detailsTitle}</Heading>
          <dl className="rt-details">
            <dt>{t.users.email}</dt>
            <dd>{data.email}</dd>
            <dt>{t.users.organisation}</dt>
            <dd>
              {data.organisation.name} ({(t.organisationKinds as Record<string, string>)[data.organisation.kind] ?? data.organisation.kind})
            </dd>
            <dt>{t.users.colRoles}</dt>
            <dd>{rolesLabel(t, data.roles)}</dd>
            <dt>{t.users.colStatus}</dt>
            <dd>
              <UserStatus user={data} />
            </dd>
            <dt>{t.users.createdAt}</dt>
            <dd>{dateTime(data.createdAt)}</dd>
            <dt>{t.users.version}</dt>
            <dd>{user.version ?? data.version}</dd>
          </dl>
          {data.demo ? (
            <Paragraph className="rt-footnote" id={DEMO_NOTE_ID}>
              {t.users.demoExplanation}
            </Paragraph>
          ) : null}

          {canManage ? (
            <>
              <Heading level={2}>{t.users.editTitle}</Heading>
              <EditUserForm
                // A new form (fresh from the server) only after "Opnieuw laden"; after a save the input is what was saved.
                key={`${data.id}-${reloads}`}
                user={data}
                version={user.version}
                onSaved={(saved, version) => {
                  user.replace(saved, version);
                  setSaves((n) => n + 1);
                }}
                onReload={() => {
                  setReloads((n) => n + 1);
                  user.reload();
                }}
              />

              <Heading level={2}>{t.users.passwordTitle}</Heading>
              <Paragraph>{t.users.passwordText}</Paragraph>
              <ErrorSummary title={t.form.errorSummaryTitle} errors={resetError} />
              {password ? (
                <OnceSecret
                  heading={t.users.newPassword(data.name)}
                  label={t.users.passwordLabel}
                  secret={password}
                  warning={t.users.passwordOnce}
                />
              ) : null}
              <div className="rt-actions">
                <Button appearance="secondary" disabled={resetting} onClick={resetPassword}>
                  {t.users.resetPassword}
                </Button>
              </div>
              <LoadingStatus busy={resetting} loadingText={t.users.resetting} />
            </>
          ) : null}

          <History resourceType="gebruiker" resourceId={String(data.id)} what={data.name} refreshKey={saves} />
        </>
      ) : null}
    </>
  );
}
