import type { AuditItem } from '../api/types.ts';
import { useT } from '../i18n/index.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../ui/index.ts';
import { actionLabel, AuditChanges } from './AuditChanges.tsx';

/**
 * Audit entries as a table: when, who (and on whose behalf), what action, and field by field what changed.
 * The audit search also shows which record (`withResource`); a record's own history does not need to.
 */
/** The Dutch (or English) name of a kind of record in the audit trail, e.g. 'gebruiker'. */
export function auditTypeLabel(t: ReturnType<typeof useT>['t'], type: string): string {
  return (t.audit.types as Record<string, string>)[type] ?? type;
}

export function AuditTable({ caption, items, withResource = false }: { caption: string; items: readonly AuditItem[]; withResource?: boolean }) {
  const { t, dateTime } = useT();
  return (
    <Table caption={caption}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t.history.colWhen}</TableHeaderCell>
          <TableHeaderCell scope="col">{t.history.colWho}</TableHeaderCell>
          <TableHeaderCell scope="col">{t.history.colAction}</TableHeaderCell>
          {withResource ? <TableHeaderCell scope="col">{t.audit.colType}</TableHeaderCell> : null}
          {withResource ? <TableHeaderCell scope="col">{t.audit.colKey}</TableHeaderCell> : null}
          <TableHeaderCell scope="col">{t.history.colChanges}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => (
          <TableRow key={item.id}>
            <TableCell className="rt-nowrap">{dateTime(item.occurredAt)}</TableCell>
            <TableCell>
              {item.actor}
              {item.onBehalfOf ? ` (${t.history.onBehalfOf(item.onBehalfOf)})` : null}
            </TableCell>
            <TableCell>{actionLabel(t, item.action)}</TableCell>
            {withResource ? <TableCell>{auditTypeLabel(t, item.resourceType)}</TableCell> : null}
            {withResource ? <TableCell>{item.resourceId}</TableCell> : null}
            <TableCell>
              <AuditChanges before={item.before} after={item.after} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
