import { useT } from '../i18n/index.tsx';
import { Heading, PageTitle, Paragraph, UnorderedList, UnorderedListItem } from '../ui/index.ts';
import { en, nl } from './messages.ts';

/** The day the statement was last checked against the tests; change it with the text. */
export const STATEMENT_DATE = '2026-11-29';

/** The accessibility statement (public): the standard, the honest status, known limitations, feedback, date. */
export function AccessibilityPage() {
  const { t, lang, date } = useT();
  const m = lang === 'nl' ? nl : en;
  return (
    <>
      <PageTitle>{`${m.title} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {m.title}
      </Heading>
      <Paragraph appearance="lead">{m.lead}</Paragraph>
      <Heading level={2}>{m.standardTitle}</Heading>
      <Paragraph>{m.standard}</Paragraph>
      <Heading level={2}>{m.statusTitle}</Heading>
      <Paragraph>{m.status}</Paragraph>
      <UnorderedList>
        {m.measures.map((text) => (
          <UnorderedListItem key={text}>{text}</UnorderedListItem>
        ))}
      </UnorderedList>
      <Heading level={2}>{m.limitationsTitle}</Heading>
      <UnorderedList>
        {m.limitations.map((text) => (
          <UnorderedListItem key={text}>{text}</UnorderedListItem>
        ))}
      </UnorderedList>
      <Heading level={2}>{m.feedbackTitle}</Heading>
      <Paragraph>{m.feedback}</Paragraph>
      <Paragraph>{m.complaint}</Paragraph>
      <Heading level={2}>{m.dateTitle}</Heading>
      <Paragraph>{m.date(date(STATEMENT_DATE))}</Paragraph>
    </>
  );
}
