import { useEffect, useId, useRef } from 'react';
import { Button } from './Button.tsx';

/**
 * An inline confirmation before a final step (publish, submit), not a modal: it takes focus when it opens so a screen
 * reader reads the warning; Escape or the cancel button closes it (the caller returns focus to its opener).
 */
export function ConfirmPanel({
  title,
  body,
  confirmLabel,
  cancelLabel,
  busy,
  onConfirm,
  onCancel,
}: {
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const id = useId();
  useEffect(() => ref.current?.focus(), []);
  return (
    <div
      ref={ref}
      className="rt-confirm"
      role="group"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <p className="rt-confirm__title" id={`${id}-title`}>
        <span aria-hidden="true">⚠ </span>
        {title}
      </p>
      <p id={`${id}-body`}>{body}</p>
      <div className="rt-actions">
        <Button disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button appearance="secondary" disabled={busy} onClick={onCancel}>
          {cancelLabel}
        </Button>
      </div>
    </div>
  );
}
