/**
 * A polite live region that is always in the page, so screen readers notice when its text changes to
 * "loading…" and back. A region that appears together with its text is often not announced at all.
 */
export function LoadingStatus({ busy, loadingText, doneText }: { busy: boolean; loadingText: string; doneText?: string }) {
  return (
    <p className="rt-status-line" role="status" aria-live="polite">
      {busy ? loadingText : (doneText ?? '')}
    </p>
  );
}
