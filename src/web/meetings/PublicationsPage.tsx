import { useApi } from '../api/useApi.ts';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import { Heading, Link, LoadingStatus, PageTitle, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, VisuallyHidden } from '../ui/index.ts';
import { shortHash, useMeetingsT } from './common.tsx';
import type { Publication } from './types.ts';

/**
 * "Openbare verslagen (Woo)": the published minutes, for everyone without logging in. Each row links to the redacted
 * document as HTML and PDF and to its metadata; the SHA-256 of the HTML is shortened, its full value in a tooltip and
 * for screen readers.
 */
export function PublicationsPage() {
  const { m, t, date } = useMeetingsT();
  const list = useApi<{ items: Publication[] }>('/api/v1/woo/publications');
  const p = m.publications;
  return (
    <>
      <PageTitle>{`${p.title} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {p.title}
      </Heading>
      <Paragraph appearance="lead">{p.lead}</Paragraph>
      <LoadingStatus busy={list.status === 'loading'} loadingText={t.common.loading} />
      {list.error ? <ApiErrorState error={list.error} onRetry={list.retry} /> : null}
      {list.data ? (
        list.data.items.length === 0 ? (
          <Paragraph>{p.empty}</Paragraph>
        ) : (
          <Table caption={p.caption}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{p.colTitle}</TableHeaderCell>
                <TableHeaderCell scope="col">{p.colPublished}</TableHeaderCell>
                <TableHeaderCell scope="col">{p.colBody}</TableHeaderCell>
                <TableHeaderCell scope="col">{p.colMeetingDate}</TableHeaderCell>
                <TableHeaderCell scope="col">{p.colHash}</TableHeaderCell>
                <TableHeaderCell scope="col">{p.colLinks}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.data.items.map((pub) => {
                const base = `/api/v1/woo/publications/${pub.id}`;
                return (
                  <TableRow key={pub.id}>
                    <TableHeaderCell scope="row">
                      <span lang="nl">{pub.title}</span>
                    </TableHeaderCell>
                    <TableCell>{date(pub.publishedOn)}</TableCell>
                    <TableCell>
                      <span lang="nl">{typeof pub.metadata.body === 'string' ? pub.metadata.body : '–'}</span>
                    </TableCell>
                    <TableCell>{typeof pub.metadata.meetingDate === 'string' ? date(pub.metadata.meetingDate) : '–'}</TableCell>
                    <TableCell>
                      <abbr title={p.hashTitle(pub.sha256)} className="rt-meetings-hash">
                        <span aria-hidden="true">{shortHash(pub.sha256)}</span>
                        <VisuallyHidden>{pub.sha256}</VisuallyHidden>
                      </abbr>
                    </TableCell>
                    <TableCell>
                      <ul className="rt-meetings-links">
                        <li>
                          <Link href={`${base}?format=html`} aria-label={p.linkLabel(p.html, pub.title)}>
                            {p.html}
                          </Link>
                        </li>
                        <li>
                          <Link href={`${base}?format=pdf`} aria-label={p.linkLabel(p.pdf, pub.title)}>
                            {p.pdf}
                          </Link>
                        </li>
                        <li>
                          <Link href={base} aria-label={p.linkLabel(p.metadata, pub.title)}>
                            {p.metadata}
                          </Link>
                        </li>
                      </ul>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )
      ) : null}
    </>
  );
}
