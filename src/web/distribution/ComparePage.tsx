import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../api/useApi.ts';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import {
  Alert,
  Heading,
  LoadingStatus,
  PageTitle,
  Paragraph,
  RouterLink,
  SelectField,
  SortableTable,
  TableCell,
  TableHeaderCell,
  TableRow,
  type Column,
} from '../ui/index.ts';
import { decisionLabel, kindLabel, methodLabel, useDistributionT } from './common.tsx';
import type { DistributionMessages } from './messages.ts';
import type { Comparison, ComparisonRow, DecisionList } from './types.ts';

/**
 * A difference that does not rely on colour: a sign, an arrow and a word ("+12 ▲ meer"), with a tinted cell
 * as a second cue for those who see colour.
 */
export function Difference({ value, m, number }: { value: number | null; m: DistributionMessages; number: (n: number) => string }) {
  if (value === null) return <span className="rt-figure-missing">{m.compare.notIn}</span>;
  if (value === 0) {
    return (
      <span className="rt-diff rt-diff--equal">
        0 <span aria-hidden="true">=</span> <span className="rt-diff__word">{m.compare.equal}</span>
      </span>
    );
  }
  const up = value > 0;
  return (
    <span className={`rt-diff ${up ? 'rt-diff--more' : 'rt-diff--less'}`}>
      {up ? '+' : '−'}
      {number(Math.abs(value))} <span aria-hidden="true">{up ? '▲' : '▼'}</span>{' '}
      <span className="rt-diff__word">{up ? m.compare.more : m.compare.less}</span>
    </span>
  );
}

const positiveId = (raw: string | null) => {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : null;
};

export function ComparePage() {
  const { m, t, number, locale } = useDistributionT();
  const [params, setParams] = useSearchParams();
  const a = positiveId(params.get('a'));
  const b = positiveId(params.get('b'));
  const list = useApi<DecisionList>('/api/v1/distributions');
  const comparison = useApi<Comparison>(a && b && a !== b ? `/api/v1/distributions/compare?a=${a}&b=${b}` : null);
  const items = useMemo(() => list.data?.items ?? [], [list.data]);

  const options = [
    { value: '', label: m.compare.choose },
    ...items.map((d) => ({ value: String(d.id), label: m.compare.option(decisionLabel(m, d), `${d.title} (${kindLabel(m, d)}, ${methodLabel(m, d.method)})`) })),
  ];
  const choose = (which: 'a' | 'b') => (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(which, value);
    else next.delete(which);
    setParams(next, { replace: true });
  };

  const c = comparison.data;
  const labelA = c ? decisionLabel(m, c.a) : '';
  const labelB = c ? decisionLabel(m, c.b) : '';
  const columns = useMemo<Column<ComparisonRow>[]>(
    () => [
      { key: 'code', header: m.compare.colCode, cell: (r) => r.code, sortValue: (r) => r.code },
      { key: 'name', header: m.compare.colName, rowHeader: true, cell: (r) => r.name, sortValue: (r) => r.name },
      { key: 'a', header: m.compare.colA(labelA), numeric: true, cell: (r) => (r.a === null ? '–' : number(r.a)), sortValue: (r) => r.a },
      { key: 'b', header: m.compare.colB(labelB), numeric: true, cell: (r) => (r.b === null ? '–' : number(r.b)), sortValue: (r) => r.b },
      {
        key: 'difference',
        header: m.compare.colDifference,
        numeric: true,
        cell: (r) => <Difference value={r.difference} m={m} number={number} />,
        sortValue: (r) => r.difference,
      },
    ],
    [m, number, labelA, labelB],
  );

  const counts = c
    ? {
        more: c.areas.filter((r) => (r.difference ?? 0) > 0).length,
        less: c.areas.filter((r) => (r.difference ?? 0) < 0).length,
        equal: c.areas.filter((r) => r.difference === 0).length,
      }
    : null;

  return (
    <>
      <PageTitle>{`${m.compare.title} – ${t.app.titleSuffix}`}</PageTitle>
      <Paragraph>
        <RouterLink to="/verdeling">
          <span aria-hidden="true">← </span>
          {m.detail.back}
        </RouterLink>
      </Paragraph>
      <Heading level={1} tabIndex={-1} className="rt-break-words">
        {m.compare.title}
      </Heading>
      <Paragraph appearance="lead">{m.compare.lead}</Paragraph>
      {list.error ? <ApiErrorState error={list.error} onRetry={list.retry} /> : null}
      {list.data ? (
        <div className="rt-compare-choice">
          <SelectField id="besluit-a" label={m.compare.a} value={a ? String(a) : ''} options={options} onChange={choose('a')} />
          <SelectField id="besluit-b" label={m.compare.b} value={b ? String(b) : ''} options={options} onChange={choose('b')} />
        </div>
      ) : null}
      {a && b && a === b ? (
        <Alert type="warning" role="status">
          <Paragraph>{m.compare.same}</Paragraph>
        </Alert>
      ) : null}
      <LoadingStatus busy={list.status === 'loading' || (comparison.status === 'loading' && !!a && !!b && a !== b)} loadingText={t.common.loading} />
      {comparison.error ? <ApiErrorState error={comparison.error} onRetry={comparison.retry} /> : null}
      {c && counts ? (
        <>
          <Paragraph>{m.compare.summary(counts.more, counts.less, counts.equal)}</Paragraph>
          <SortableTable
            caption={m.compare.caption(labelA, labelB)}
            captionHint={m.compare.captionHint}
            columns={columns}
            rows={c.areas}
            rowKey={(r) => r.code}
            initialSort={{ key: 'code', direction: 'ascending' }}
            locale={locale}
            sortedMessage={t.common.sortedBy}
            footer={
              <TableRow>
                <TableHeaderCell scope="row" colSpan={2}>
                  {m.compare.totals}
                </TableHeaderCell>
                <TableCell className="rt-numeric">{number(c.totals.a)}</TableCell>
                <TableCell className="rt-numeric">{number(c.totals.b)}</TableCell>
                <TableCell className="rt-numeric">
                  <Difference value={c.totals.difference} m={m} number={number} />
                </TableCell>
              </TableRow>
            }
          />
          <Paragraph>
            <RouterLink to={`/verdeling/${c.a.id}`}>{m.compare.detailLink(labelA)}</RouterLink>
            {' · '}
            <RouterLink to={`/verdeling/${c.b.id}`}>{m.compare.detailLink(labelB)}</RouterLink>
          </Paragraph>
        </>
      ) : null}
    </>
  );
}
