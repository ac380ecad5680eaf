import { useMemo } from 'react';
import type { User, UserList } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { useSession } from '../../auth/session.tsx';
import { useT } from '../../i18n/index.tsx';
import { ApiErrorState } from '../../shared/ApiErrorState.tsx';
import { roleLabel } from '../../shared/roles.ts';
import {
  Heading,
  LoadingStatus,
  PageTitle,
  Paragraph,
  RouterLink,
  SortableTable,
  StatusBadge,
  type Column,
} from '../../ui/index.ts';
import { AdminNav } from './AdminNav.tsx';

export const DEMO_NOTE_ID = 'toelichting-demo';

export function UserStatus({ user }: { user: User }) {
  const { t } = useT();
  return (
    <>
      {user.disabled ? <StatusBadge tone="danger">{t.users.disabled}</StatusBadge> : <StatusBadge tone="success">{t.users.active}</StatusBadge>}
      {user.demo ? (
        <>
          {' '}
          <StatusBadge tone="warning" aria-describedby={DEMO_NOTE_ID}>
            {t.users.demo}
          </StatusBadge>
        </>
      ) : null}
    </>
  );
}

export function UsersPage() {
  const { t, lang } = useT();
  const session = useSession();
  const users = useApi<UserList>('/api/v1/users');

  const columns = useMemo<Column<User>[]>(
    () => [
      {
        key: 'name',
        header: t.users.colName,
        rowHeader: true,
        cell: (u) => <RouterLink to={`/beheer/gebruikers/${u.id}`}>{u.name}</RouterLink>,
        sortValue: (u) => u.name,
      },
      { key: 'email', header: t.users.colEmail, cell: (u) => u.email, sortValue: (u) => u.email },
      { key: 'organisation', header: t.users.colOrganisation, cell: (u) => u.organisation.name, sortValue: (u) => u.organisation.name },
      {
        key: 'roles',
        header: t.users.colRoles,
        cell: (u) => (
          <ul className="rt-change-list">
            {u.roles.map((g) => (
              <li key={`${g.role}-${g.scope}`}>{roleLabel(t, g)}</li>
            ))}
          </ul>
        ),
      },
      {
        key: 'status',
        header: t.users.colStatus,
        cell: (u) => <UserStatus user={u} />,
        sortValue: (u) => (u.disabled ? t.users.disabled : t.users.active),
      },
    ],
    [t],
  );

  const items = users.data?.items ?? [];
  return (
    <>
      <PageTitle>{`${t.users.title} – ${t.app.titleSuffix}`}</PageTitle>
      <AdminNav />
      <Heading level={1} tabIndex={-1}>
        {t.users.title}
      </Heading>
      <Paragraph appearance="lead">{t.users.lead}</Paragraph>
      {session.may('users.manage') ? (
        <Paragraph>
          <RouterLink to="/beheer/gebruikers/nieuw">{t.users.add}</RouterLink>
        </Paragraph>
      ) : null}
      <LoadingStatus busy={users.status === 'loading'} loadingText={t.common.loading} doneText={users.data ? t.users.count(items.length) : ''} />
      {users.error ? <ApiErrorState error={users.error} onRetry={users.retry} /> : null}
      {users.data ? (
        <>
          <SortableTable
            caption={t.users.caption}
            captionHint={t.regions.tableCaptionHint}
            columns={columns}
            rows={items}
            rowKey={(u) => String(u.id)}
            initialSort={{ key: 'name', direction: 'ascending' }}
            locale={lang === 'nl' ? 'nl-NL' : 'en-GB'}
            sortedMessage={t.common.sortedBy}
          />
          {items.some((u) => u.demo) ? (
            <Paragraph className="rt-footnote" id={DEMO_NOTE_ID}>
              {t.users.demoExplanation}
            </Paragraph>
          ) : null}
        </>
      ) : null}
    </>
  );
}
