import { useSession } from '../../auth/session.tsx';
import { useT } from '../../i18n/index.tsx';
import { Heading, PageTitle, Paragraph, RouterLink, UnorderedList, UnorderedListItem } from '../../ui/index.ts';

export function AdminPage() {
  const { t } = useT();
  const session = useSession();
  const items = [
    { to: '/beheer/gebruikers', label: t.admin.users, text: t.admin.usersText, allowed: session.may('users.read') },
    { to: '/beheer/audittrail', label: t.admin.audit, text: t.admin.auditText, allowed: session.may('audit.search') },
    { to: '/beheer/inwonertallen', label: t.admin.import, text: t.admin.importText, allowed: session.may('population.import') },
  ].filter((item) => item.allowed);
  return (
    <>
      <PageTitle>{`${t.admin.title} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {t.admin.title}
      </Heading>
      <Paragraph appearance="lead">{t.admin.lead}</Paragraph>
      <UnorderedList>
        {items.map((item) => (
          <UnorderedListItem key={item.to}>
            <RouterLink to={item.to}>{item.label}</RouterLink>
            <br />
            {item.text}
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </>
  );
}
