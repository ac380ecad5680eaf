import { useT } from '../i18n/index.tsx';
import { MAPS_HOME_TEXT, MAPS_NAV_LABEL } from '../maps/nav.ts';
import { Heading, Link, PageTitle, Paragraph, RouterLink, UnorderedList, UnorderedListItem } from '../ui/index.ts';

export function HomePage() {
  const { t, lang } = useT();
  return (
    <>
      <PageTitle>{`${t.home.title} – ${t.app.tagline}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {t.home.title}
      </Heading>
      <Paragraph appearance="lead">{t.home.lead}</Paragraph>

      <Heading level={2}>{t.home.whatTitle}</Heading>
      <UnorderedList>
        <UnorderedListItem>
          <RouterLink to="/regios">{t.home.regionsLink}</RouterLink>
          <br />
          {t.home.regionsText}
        </UnorderedListItem>
        <UnorderedListItem>
          <RouterLink to="/kaarten">{MAPS_NAV_LABEL[lang]}</RouterLink>
          <br />
          {MAPS_HOME_TEXT[lang]}
        </UnorderedListItem>
        <UnorderedListItem>
          {/* Served by the API server itself, not by this app: a normal link with a full page load. */}
          <Link href="/api/docs">{t.home.apiDocsLink}</Link>
          <br />
          {t.home.apiDocsText}
        </UnorderedListItem>
        <UnorderedListItem>
          <Link href="/api/v1/openapi.json" type="application/json">
            {t.home.openApiLink}
          </Link>
          <br />
          {t.home.openApiText}
        </UnorderedListItem>
      </UnorderedList>

      <Heading level={2}>{t.home.whoTitle}</Heading>
      {t.home.who.map((text) => (
        <Paragraph key={text}>{text}</Paragraph>
      ))}
    </>
  );
}
