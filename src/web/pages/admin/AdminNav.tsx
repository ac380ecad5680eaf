import { useLocation } from 'react-router';
import { useSession } from '../../auth/session.tsx';
import { useT } from '../../i18n/index.tsx';
import { RouterLink } from '../../ui/index.ts';

/** The sub-navigation of Beheer: only the parts the user's roles allow. */
export function AdminNav() {
  const { t } = useT();
  const { pathname } = useLocation();
  const session = useSession();
  const items = [
    { to: '/beheer/gebruikers', label: t.admin.users, allowed: session.may('users.read') },
    { to: '/beheer/audittrail', label: t.admin.audit, allowed: session.may('audit.search') },
    { to: '/beheer/inwonertallen', label: t.admin.import, allowed: session.may('population.import') },
  ].filter((item) => item.allowed);
  return (
    <nav className="rt-subnav" aria-label={t.admin.navLabel}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <RouterLink to={item.to} aria-current={pathname.startsWith(item.to) ? 'page' : undefined}>
              {item.label}
            </RouterLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
