import { useState, type FormEvent } from 'react';
import { asApiError, send } from '../api/client.ts';
import type { ApiToken, CreatedToken, TokenList } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { useT } from '../i18n/index.tsx';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import { OnceSecret } from '../shared/OnceSecret.tsx';
import {
  Alert,
  Button,
  ErrorSummary,
  Heading,
  LoadingStatus,
  PageTitle,
  Paragraph,
  StatusBadge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TextField,
  type FormError,
} from '../ui/index.ts';

function TokenStatus({ token, now }: { token: ApiToken; now: number }) {
  const { t, date } = useT();
  if (token.revokedAt) return <StatusBadge tone="neutral">{t.tokens.revoked(date(token.revokedAt))}</StatusBadge>;
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now) return <StatusBadge tone="warning">{t.tokens.expired}</StatusBadge>;
  return <StatusBadge tone="success">{t.tokens.active}</StatusBadge>;
}

export function TokensPage() {
  const { t, date, dateTime } = useT();
  const tokens = useApi<TokenList>('/api/v1/tokens');
  // "Expired" is judged at the moment the page opened; a token expiring while you look at it changes on reload.
  const [now] = useState(() => Date.now());
  const [name, setName] = useState('');
  const [days, setDays] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [confirming, setConfirming] = useState<ApiToken | null>(null);
  const [revokeError, setRevokeError] = useState<FormError[]>([]);
  const [message, setMessage] = useState('');

  async function create(event: FormEvent) {
    event.preventDefault();
    setMessage('');
    const found: FormError[] = [];
    if (!name.trim()) found.push({ fieldId: 'token-naam', message: t.tokens.errorName });
    const n = Number(days);
    if (days.trim() && (!/^\d+$/.test(days.trim()) || n < 1 || n > 730)) found.push({ fieldId: 'token-dagen', message: t.tokens.errorDays });
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    setCreated(null);
    try {
      const { data } = await send<CreatedToken>('POST', '/api/v1/tokens', {
        name: name.trim(),
        ...(days.trim() ? { expiresInDays: n } : {}),
      });
      setCreated(data);
      setName('');
      setDays('');
      tokens.retry();
    } catch (e) {
      const error = asApiError(e);
      setErrors(
        error.invalidParams.length > 0
          ? error.invalidParams.map((p) => ({
              fieldId: p.name === 'name' ? 'token-naam' : p.name === 'expiresInDays' ? 'token-dagen' : undefined,
              message: p.reason,
            }))
          : [{ message: error.detail ?? t.common.errorBody }],
      );
    } finally {
      setBusy(false);
    }
  }

  async function revoke(token: ApiToken) {
    setRevokeError([]);
    try {
      await send<ApiToken>('DELETE', `/api/v1/tokens/${token.id}`);
      setConfirming(null);
      setMessage(t.tokens.revokedDone(token.name));
      tokens.retry();
      document.querySelector<HTMLElement>('main h1')?.focus();
    } catch (e) {
      setRevokeError([{ message: asApiError(e).detail ?? t.common.errorBody }]);
    }
  }

  const items = tokens.data?.items ?? [];
  const fieldError = (id: string) => errors.find((e) => e.fieldId === id)?.message ?? null;
  return (
    <>
      <PageTitle>{`${t.tokens.title} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {t.tokens.title}
      </Heading>
      <Paragraph appearance="lead">{t.tokens.lead}</Paragraph>
      <LoadingStatus busy={tokens.status === 'loading'} loadingText={t.common.loading} doneText={message} />
      {tokens.error ? <ApiErrorState error={tokens.error} onRetry={tokens.retry} /> : null}

      {confirming ? (
        <div>
          <Alert type="warning" role="alert" heading={t.tokens.revokeFor(confirming.name)}>
            <Paragraph>{t.tokens.confirmRevoke(confirming.name)}</Paragraph>
            <ErrorSummary title={t.form.errorSummaryTitle} errors={revokeError} />
            <div className="rt-actions">
              <Button onClick={() => revoke(confirming)} autoFocus>
                {t.tokens.confirmYes}
              </Button>
              <Button appearance="secondary" onClick={() => setConfirming(null)}>
                {t.form.cancel}
              </Button>
            </div>
          </Alert>
        </div>
      ) : null}

      {tokens.data ? (
        items.length === 0 ? (
          <Paragraph>{t.tokens.none}</Paragraph>
        ) : (
          <Table caption={t.tokens.caption}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t.tokens.colName}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.tokens.colPrefix}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.tokens.colCreated}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.tokens.colExpires}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.tokens.colLastUsed}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.tokens.colStatus}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.tokens.colAction}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((token) => (
                <TableRow key={token.id}>
                  <TableHeaderCell scope="row">{token.name}</TableHeaderCell>
                  <TableCell>
                    <code>{`rt_${token.prefix}_…`}</code>
                  </TableCell>
                  <TableCell className="rt-nowrap">{dateTime(token.createdAt)}</TableCell>
                  <TableCell>{token.expiresAt ? date(token.expiresAt) : t.tokens.noExpiry}</TableCell>
                  <TableCell>{token.lastUsedAt ? dateTime(token.lastUsedAt) : t.tokens.never}</TableCell>
                  <TableCell>
                    <TokenStatus token={token} now={now} />
                  </TableCell>
                  <TableCell>
                    {token.revokedAt ? (
                      '–'
                    ) : (
                      <Button
                        appearance="secondary"
                        aria-label={t.tokens.revokeFor(token.name)}
                        onClick={() => {
                          setRevokeError([]);
                          setConfirming(token);
                          window.scrollTo(0, 0);
                        }}
                      >
                        {t.tokens.revoke}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )
      ) : null}

      <Heading level={2}>{t.tokens.createTitle}</Heading>
      {created ? (
        <OnceSecret heading={t.tokens.createdTitle(created.item.name)} label={t.tokens.tokenLabel} secret={created.token} warning={t.tokens.tokenOnce}>
          <Paragraph>{t.tokens.usage}</Paragraph>
        </OnceSecret>
      ) : null}
      <ErrorSummary title={t.form.errorSummaryTitle} errors={errors} />
      <form className="rt-form" noValidate onSubmit={create} aria-busy={busy}>
        <TextField
          id="token-naam"
          label={t.tokens.name}
          description={t.tokens.nameDescription}
          required
          maxLength={100}
          autoComplete="off"
          value={name}
          onChange={setName}
          error={fieldError('token-naam')}
        />
        <TextField
          id="token-dagen"
          label={`${t.tokens.days} ${t.form.optional}`}
          description={t.tokens.daysDescription}
          inputMode="numeric"
          autoComplete="off"
          value={days}
          onChange={setDays}
          error={fieldError('token-dagen')}
        />
        <div className="rt-actions">
          <Button type="submit" disabled={busy}>
            {t.tokens.create}
          </Button>
        </div>
        <LoadingStatus busy={busy} loadingText={t.tokens.creating} />
      </form>
    </>
  );
}
