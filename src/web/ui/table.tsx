import {
  Table as UtrechtTable,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { sortRows, type SortDirection, type SortValue } from './sort.ts';

export { TableBody, TableCell, TableFooter, TableHeader, TableHeaderCell, TableRow };
export type { SortDirection } from './sort.ts';

export interface TableProps {
  caption: string;
  /**
   * A line under the caption, e.g. how to sort. It is the table's description, not part of its name, so screen
   * readers announce a short name ("Provincies in 2022") when entering the table.
   */
  captionHint?: string;
  children: ReactNode;
}

/**
 * A data table with a caption. Wide tables scroll sideways inside a focusable, named region, so keyboard users
 * can scroll it too (WCAG 2.1.1).
 */
export function Table({ caption, captionHint, children }: TableProps) {
  const captionId = useId();
  const hintId = useId();
  return (
    <div className="rt-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <UtrechtTable
        className="rt-table"
        aria-labelledby={captionId}
        aria-describedby={captionHint ? hintId : undefined}
      >
        <TableCaption>
          <span id={captionId}>{caption}</span>
          {captionHint ? (
            <span className="rt-caption-hint" id={hintId}>
              {captionHint}
            </span>
          ) : null}
        </TableCaption>
        {children}
      </UtrechtTable>
    </div>
  );
}

export interface Column<Row> {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** Without it the column cannot be sorted. */
  sortValue?: (row: Row) => SortValue;
  numeric?: boolean;
  /** The cell that names the row (a <th scope="row">), usually the name column. */
  rowHeader?: boolean;
}

export interface SortableTableProps<Row> {
  caption: string;
  captionHint?: string;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  initialSort?: { key: string; direction: SortDirection };
  /** e.g. a totals row; rendered in <tfoot>, never sorted. */
  footer?: ReactNode;
  locale: string;
  sortedMessage: (header: string, ascending: boolean) => string;
}

/**
 * Sorting follows the WAI-ARIA sortable-table pattern: a button in each column header, `aria-sort` on the sorted
 * header only, and a polite announcement of the new order.
 */
export function SortableTable<Row>({
  caption,
  captionHint,
  columns,
  rows,
  rowKey,
  initialSort,
  footer,
  locale,
  sortedMessage,
}: SortableTableProps<Row>) {
  const [sort, setSort] = useState(initialSort ?? null);
  const [announcement, setAnnouncement] = useState('');
  const collator = useMemo(() => new Intl.Collator(locale, { numeric: true, sensitivity: 'base' }), [locale]);

  const sortedRows = useMemo(() => {
    const column = sort ? columns.find((c) => c.key === sort.key) : undefined;
    if (!sort || !column?.sortValue) return rows;
    return sortRows(rows, column.sortValue, sort.direction, collator);
  }, [rows, columns, sort, collator]);

  function toggle(column: Column<Row>) {
    // Numbers are most often read largest first; names alphabetically.
    const first: SortDirection = column.numeric ? 'descending' : 'ascending';
    const direction: SortDirection =
      sort?.key === column.key ? (sort.direction === 'ascending' ? 'descending' : 'ascending') : first;
    setSort({ key: column.key, direction });
    setAnnouncement(sortedMessage(column.header, direction === 'ascending'));
  }

  return (
    <>
      <Table caption={caption} captionHint={captionHint}>
        <TableHeader>
          <TableRow>
            {columns.map((column) => {
              const sorted = sort?.key === column.key ? sort.direction : undefined;
              return (
                <TableHeaderCell
                  key={column.key}
                  scope="col"
                  aria-sort={sorted}
                  className={column.numeric ? 'rt-numeric' : undefined}
                >
                  {column.sortValue ? (
                    <button type="button" className="rt-sort-button" onClick={() => toggle(column)}>
                      {column.header}
                      <span className="rt-sort-icon" aria-hidden="true">
                        {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '⇅'}
                      </span>
                    </button>
                  ) : (
                    column.header
                  )}
                </TableHeaderCell>
              );
            })}
          </TableRow>
        </TableHeader>
        <TableBody>
          {sortedRows.map((row) => (
            <TableRow key={rowKey(row)}>
              {columns.map((column) =>
                column.rowHeader ? (
                  <TableHeaderCell key={column.key} scope="row" className={column.numeric ? 'rt-numeric' : undefined}>
                    {column.cell(row)}
                  </TableHeaderCell>
                ) : (
                  <TableCell key={column.key} className={column.numeric ? 'rt-numeric' : undefined}>
                    {column.cell(row)}
                  </TableCell>
                ),
              )}
            </TableRow>
          ))}
        </TableBody>
        {footer ? <TableFooter>{footer}</TableFooter> : null}
      </Table>
      <p className="rt-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
