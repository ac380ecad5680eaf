import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { asApiError, send } from '../api/client.ts';
import type { Session } from '../api/types.ts';
import { RETURN_PARAM, safeReturnPath, SSO_RETURN_KEY } from '../auth/returnPath.ts';
import { useSession } from '../auth/session.tsx';
import { useT, type Messages } from '../i18n/index.tsx';
import {
  Alert,
  Button,
  ErrorSummary,
  Heading,
  Link,
  LoadingStatus,
  PageTitle,
  Paragraph,
  RouterLink,
  TextField,
  type FormError,
} from '../ui/index.ts';

type OidcErrorCode = keyof Messages['login']['oidcError'];
const isOidcError = (t: Messages, code: string | null): code is OidcErrorCode => !!code && Object.hasOwn(t.login.oidcError, code);

export function LoginPage() {
  const { t } = useT();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnPath(searchParams.get(RETURN_PARAM));
  const oidcError = searchParams.get('fout');
  const state = location.state as { loginNeeded?: boolean; sessionEnded?: boolean } | null;

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FormError[] = [];
    if (!email.trim()) found.push({ fieldId: 'email', message: t.form.required(t.login.emailField) });
    if (!password) found.push({ fieldId: 'password', message: t.form.required(t.login.passwordField) });
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const { data } = await send<Session>('POST', '/api/v1/session', { email: email.trim(), password });
      session.signedIn(data);
      navigate(returnTo, { replace: true });
    } catch (e) {
      const error = asApiError(e);
      if (error.status === 401) setErrors([{ fieldId: 'email', message: t.login.wrongCredentials }]);
      else if (error.status === 429) {
        const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
        setErrors([{ message: t.login.tooMany(minutes) }]);
      } else setErrors([{ message: error.detail ?? t.common.errorBody }]);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (id: string) => errors.find((e) => e.fieldId === id)?.message ?? null;

  return (
    <>
      <PageTitle>{`${t.login.title} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {t.login.title}
      </Heading>
      {session.user ? (
        <>
          <Paragraph>{t.login.alreadySignedIn(session.user.name)}</Paragraph>
          <Paragraph>
            <RouterLink to={returnTo}>{t.login.continue}</RouterLink>
          </Paragraph>
        </>
      ) : (
        <>
          {state?.sessionEnded ? (
            <Alert type="info" role="status">
              <Paragraph>{t.access.sessionEnded}</Paragraph>
            </Alert>
          ) : state?.loginNeeded ? (
            <Alert type="info" role="status">
              <Paragraph>{t.access.loginNeeded}</Paragraph>
            </Alert>
          ) : null}
          {isOidcError(t, oidcError) ? (
            <Alert type="error" role="alert" heading={t.login.oidcErrorTitle}>
              <Paragraph>{t.login.oidcError[oidcError]}</Paragraph>
            </Alert>
          ) : null}
          <Paragraph appearance="lead">{t.login.lead}</Paragraph>
          <ErrorSummary title={t.form.errorSummaryTitle} errors={errors} />
          <form className="rt-form" noValidate onSubmit={submit} aria-busy={busy}>
            <TextField
              id="email"
              type="email"
              label={t.login.email}
              autoComplete="username"
              spellCheck={false}
              required
              value={email}
              onChange={setEmail}
              error={fieldError('email')}
            />
            <TextField
              id="password"
              type="password"
              label={t.login.password}
              autoComplete="current-password"
              required
              value={password}
              onChange={setPassword}
              error={fieldError('password')}
            />
            <div className="rt-actions">
              <Button type="submit" disabled={busy}>
                {t.login.submit}
              </Button>
            </div>
            <LoadingStatus busy={busy} loadingText={t.login.busy} />
          </form>
          {session.oidcEnabled ? (
            <>
              <Heading level={2}>{t.login.ssoTitle}</Heading>
              <Paragraph>
                <Link
                  href="/api/v1/session/oidc"
                  onClick={() => {
                    try {
                      window.sessionStorage.setItem(SSO_RETURN_KEY, returnTo);
                    } catch {
                      // Without storage the user lands on the start page after the SSO login.
                    }
                  }}
                >
                  {t.login.sso}
                </Link>
              </Paragraph>
            </>
          ) : null}
        </>
      )}
    </>
  );
}
