import { useT } from '../i18n/index.tsx';
import { Heading, PageTitle, Paragraph, RouterLink } from '../ui/index.ts';

export function NotFoundPage() {
  const { t } = useT();
  return (
    <>
      <PageTitle>{`${t.notFound.title} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {t.notFound.title}
      </Heading>
      <Paragraph>{t.notFound.body}</Paragraph>
      <Paragraph>
        <RouterLink to="/">{t.notFound.home}</RouterLink>
      </Paragraph>
    </>
  );
}
