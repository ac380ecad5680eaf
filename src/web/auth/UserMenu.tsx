import { useEffect, useId, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useT } from '../i18n/index.tsx';
import { RouterLink } from '../ui/index.ts';
import { TASKS_NAV_LABEL } from '../tasks/nav.ts';
import { loginPath } from './returnPath.ts';
import { useSession } from './session.tsx';

/**
 * The header's account part: "Inloggen" for visitors; for a signed-in user a disclosure button with their name that
 * opens "Mijn API-tokens", "Mijn taken" and "Uitloggen" (WAI-ARIA disclosure pattern: a button with aria-expanded, Escape closes).
 */
export function UserMenu({ onLoggedOut }: { onLoggedOut: (message: string) => void }) {
  const { t, lang } = useT();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  // A click elsewhere closes the menu; so does moving to another page.
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);
  const [shownFor, setShownFor] = useState(location.pathname);
  if (shownFor !== location.pathname) {
    setShownFor(location.pathname);
    setOpen(false);
  }

  if (session.status !== 'ready') return null;
  if (!session.user) {
    if (location.pathname === '/inloggen') return null;
    return (
      <RouterLink to={loginPath(location.pathname + location.search)} className="rt-login-link">
        {t.account.login}
      </RouterLink>
    );
  }
  const user = session.user;
  return (
    <div
      className="rt-user-menu"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="rt-user-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="rt-visually-hidden">{`${t.account.menuPrefix} `}</span>
        {user.name}
        <span aria-hidden="true">{open ? '▲' : '▼'}</span>
      </button>
      <ul className="rt-user-menu__panel" id={panelId} hidden={!open}>
        <li className="rt-user-menu__meta">{t.account.signedInAs(user.email)}</li>
        <li>
          <RouterLink to="/mijn-api-tokens">{t.account.myTokens}</RouterLink>
        </li>
        <li>
          <RouterLink to="/taken">{TASKS_NAV_LABEL[lang]}</RouterLink>
        </li>
        <li>
          <button
            type="button"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              try {
                await session.signOut();
                setOpen(false);
                onLoggedOut(t.account.loggedOut);
                navigate('/');
              } catch {
                onLoggedOut(t.account.logoutFailed);
              } finally {
                setBusy(false);
              }
            }}
          >
            {busy ? t.account.loggingOut : t.account.logout}
          </button>
        </li>
      </ul>
    </div>
  );
}
