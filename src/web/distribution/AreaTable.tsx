import { Fragment, useId, useMemo, useState, type ReactNode } from 'react';
import { PopulationStatusBadge, StatusNotes } from '../regions/population.tsx';
import {
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TextField,
  VisuallyHidden,
  sortRows,
  type SortDirection,
  type SortValue,
} from '../ui/index.ts';
import { useDistributionT } from './common.tsx';
import type { AreaResult, DecisionView } from './types.ts';

const sum = (values: (number | null)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0);

interface AreaColumn {
  key: string;
  header: string;
  cell: (a: AreaResult) => ReactNode;
  sortValue: (a: AreaResult) => SortValue;
  numeric?: boolean;
  rowHeader?: boolean;
}

/** '629291700/3495083' → 180.05…, for sorting only (the table shows the server's Dutch decimal). */
function quotaValue(quota: string): number | null {
  const [num, den = '1'] = quota.split('/');
  const value = Number(num) / Number(den);
  return Number.isFinite(value) ? value : null;
}

/**
 * The result per area: sortable (the WAI-ARIA sortable-table pattern, as ui/SortableTable), and per area a button
 * with aria-expanded that opens a full-width row under it with the calculation ("18,47 → 18 + 1 restzetel").
 * A totals row in <tfoot> never sorts. Existing places and what is still to realise show only when the decision
 * counts existing places.
 */
export function AreaTable({ decision, caption }: { decision: DecisionView; caption: string }) {
  const { m, number, locale, t } = useDistributionT();
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ key: string; direction: SortDirection }>({ key: 'code', direction: 'ascending' });
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const filterId = useId();
  const rowIdPrefix = useId();
  const areas = decision.areas;
  const hasExisting = areas.some((a) => a.existing !== null);
  const collator = useMemo(() => new Intl.Collator(locale, { numeric: true, sensitivity: 'base' }), [locale]);

  const columns = useMemo<AreaColumn[]>(() => {
    const dash = (n: number | null) => (n === null ? '–' : number(n));
    return [
      { key: 'code', header: m.detail.colCode, cell: (a) => a.code, sortValue: (a) => a.code },
      { key: 'name', header: m.detail.colName, rowHeader: true, cell: (a) => a.name, sortValue: (a) => a.name },
      { key: 'population', header: m.detail.colInhabitants, numeric: true, cell: (a) => dash(a.population), sortValue: (a) => a.population },
      { key: 'status', header: m.detail.colStatus, cell: (a) => <PopulationStatusBadge status={a.populationStatus} />, sortValue: (a) => a.populationStatus },
      { key: 'quota', header: m.detail.colQuota, numeric: true, cell: (a) => a.quotaDecimal, sortValue: (a) => quotaValue(a.quota) },
      { key: 'assigned', header: m.detail.colAssigned, numeric: true, cell: (a) => <strong>{number(a.assigned)}</strong>, sortValue: (a) => a.assigned },
      ...(hasExisting
        ? [
            { key: 'existing', header: m.detail.colExisting, numeric: true, cell: (a: AreaResult) => dash(a.existing), sortValue: (a: AreaResult) => a.existing },
            { key: 'toRealise', header: m.detail.colToRealise, numeric: true, cell: (a: AreaResult) => dash(a.toRealise), sortValue: (a: AreaResult) => a.toRealise },
          ]
        : []),
    ];
  }, [m, number, hasExisting]);

  const shown = useMemo(() => {
    const q = filter.trim().toLocaleLowerCase(locale);
    const found = q ? areas.filter((a) => a.name.toLocaleLowerCase(locale).includes(q) || a.code.toLowerCase().includes(q)) : areas;
    const column = columns.find((c) => c.key === sort.key);
    return column ? sortRows(found, column.sortValue, sort.direction, collator) : found;
  }, [areas, filter, locale, columns, sort, collator]);

  function toggleSort(column: AreaColumn) {
    // Numbers are most often read largest first; names alphabetically.
    const direction: SortDirection =
      sort.key === column.key ? (sort.direction === 'ascending' ? 'descending' : 'ascending') : column.numeric ? 'descending' : 'ascending';
    setSort({ key: column.key, direction });
    setAnnouncement(t.common.sortedBy(column.header, direction === 'ascending'));
  }

  function toggleOpen(code: string) {
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  }

  const span = columns.length + 1;
  return (
    <>
      {areas.length > 12 ? (
        <div className="rt-toolbar">
          <TextField
            id={filterId}
            type="search"
            label={m.detail.filter}
            description={m.detail.filterDescription}
            value={filter}
            onChange={setFilter}
            autoComplete="off"
          />
          <p className="rt-status-line" role="status" aria-live="polite">
            {filter.trim() ? m.detail.filterCount(shown.length, areas.length) : ''}
          </p>
        </div>
      ) : null}
      <Table caption={caption} captionHint={m.detail.captionHint}>
        <TableHeader>
          <TableRow>
            {columns.map((column) => {
              const sorted = sort.key === column.key ? sort.direction : undefined;
              return (
                <TableHeaderCell key={column.key} scope="col" aria-sort={sorted} className={column.numeric ? 'rt-numeric' : undefined}>
                  <button type="button" className="rt-sort-button" onClick={() => toggleSort(column)}>
                    {column.header}
                    <span className="rt-sort-icon" aria-hidden="true">
                      {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '⇅'}
                    </span>
                  </button>
                </TableHeaderCell>
              );
            })}
            <TableHeaderCell scope="col">{m.detail.colExplanation}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((a) => {
            const expanded = open.has(a.code);
            const detailId = `${rowIdPrefix}-${a.code}`;
            return (
              <Fragment key={a.code}>
                <TableRow className={expanded ? 'rt-row--expanded' : undefined}>
                  {columns.map((column) =>
                    column.rowHeader ? (
                      <TableHeaderCell key={column.key} scope="row">
                        {column.cell(a)}
                      </TableHeaderCell>
                    ) : (
                      <TableCell key={column.key} className={column.numeric ? 'rt-numeric' : undefined}>
                        {column.cell(a)}
                      </TableCell>
                    ),
                  )}
                  <TableCell>
                    <button
                      type="button"
                      className="rt-expand-button"
                      aria-expanded={expanded}
                      aria-controls={expanded ? detailId : undefined}
                      onClick={() => toggleOpen(a.code)}
                    >
                      <span aria-hidden="true" className="rt-expand-icon">
                        {expanded ? '▾' : '▸'}
                      </span>
                      {m.detail.explain}
                      <VisuallyHidden> {m.detail.explainFor(a.name)}</VisuallyHidden>
                    </button>
                  </TableCell>
                </TableRow>
                {expanded ? (
                  <TableRow id={detailId} className="rt-explanation-row">
                    <TableCell colSpan={span}>
                      <span className="rt-explanation-label">{m.detail.explainFor(a.name)}: </span>
                      {/* The server explains in Dutch, also when the interface is English. */}
                      <span lang="nl">{a.explanation}</span>
                    </TableCell>
                  </TableRow>
                ) : null}
              </Fragment>
            );
          })}
        </TableBody>
        <TableFooter>
          <TableRow>
            <TableHeaderCell scope="row" colSpan={2}>
              {m.detail.totalsRow}
            </TableHeaderCell>
            <TableCell className="rt-numeric">{number(sum(areas.map((a) => a.population)))}</TableCell>
            <TableCell />
            <TableCell className="rt-numeric">{number(decision.total)}</TableCell>
            <TableCell className="rt-numeric">
              <strong>{number(decision.assignedTotal)}</strong>
            </TableCell>
            {hasExisting ? (
              <>
                <TableCell className="rt-numeric">{number(sum(areas.map((a) => a.existing)))}</TableCell>
                <TableCell className="rt-numeric">{number(sum(areas.map((a) => a.toRealise)))}</TableCell>
              </>
            ) : null}
            <TableCell />
          </TableRow>
        </TableFooter>
      </Table>
      <p className="rt-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <StatusNotes statuses={new Set(areas.map((a) => a.populationStatus))} />
    </>
  );
}
