import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n/index.tsx';
import { Alert, Button, Paragraph } from '../ui/index.ts';

/**
 * A secret the server shows only once (a generated password, a new API token): a warning, the secret in a box that
 * selects as a whole, and a copy button whose result is announced.
 */
export function OnceSecret({ heading, label, secret, warning, children }: {
  heading: string;
  label: string;
  secret: string;
  warning: string;
  children?: ReactNode;
}) {
  const { t } = useT();
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const ref = useRef<HTMLDivElement>(null);
  // Focus moves here when the secret appears, so a screen reader reads the warning and the secret at once.
  useEffect(() => ref.current?.focus(), [secret]);
  return (
    <div ref={ref} tabIndex={-1} role="group" aria-label={heading} className="rt-once-secret">
    <Alert type="warning" role="none" heading={heading}>
      <Paragraph>
        <strong>{t.form.onceWarningTitle}.</strong> {warning}
      </Paragraph>
      <Paragraph>
        {label}:<br />
        <code className="rt-secret" data-testid="secret">
          {secret}
        </code>
      </Paragraph>
      <div className="rt-actions">
        <Button
          appearance="secondary"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(secret);
              setCopyState('copied');
            } catch {
              setCopyState('failed');
            }
          }}
        >
          {t.form.copy}
        </Button>
        <span role="status" aria-live="polite">
          {copyState === 'copied' ? t.form.copied : copyState === 'failed' ? t.form.copyFailed : ''}
        </span>
      </div>
      {children}
    </Alert>
    </div>
  );
}
