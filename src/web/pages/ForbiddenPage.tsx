import { useSession } from '../auth/session.tsx';
import { useT } from '../i18n/index.tsx';
import { rolesLabel } from '../shared/roles.ts';
import { Heading, PageTitle, Paragraph, RouterLink } from '../ui/index.ts';

/** What a signed-in user sees on a page their roles do not allow: no data, a clear reason and a way on. */
export function ForbiddenPage() {
  const { t } = useT();
  const { user } = useSession();
  return (
    <>
      <PageTitle>{`${t.access.forbiddenTitle} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {t.access.forbiddenTitle}
      </Heading>
      <Paragraph appearance="lead">{t.access.forbiddenBody}</Paragraph>
      {user ? <Paragraph>{t.access.forbiddenWho(user.name, rolesLabel(t, user.roles))}</Paragraph> : null}
      <Paragraph>{t.access.forbiddenHelp}</Paragraph>
      <Paragraph>
        <RouterLink to="/">{t.access.home}</RouterLink>
      </Paragraph>
    </>
  );
}
