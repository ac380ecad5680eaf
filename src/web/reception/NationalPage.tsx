import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../api/useApi.ts';
import { useSession } from '../auth/session.tsx';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import {
  Heading,
  LoadingStatus,
  PageTitle,
  Paragraph,
  RouterLink,
  SortableTable,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TextField,
  type Column,
} from '../ui/index.ts';
import { BarChart, ChartLegend } from './charts.tsx';
import { ratePercent } from './chart-math.ts';
import { ChartFrame, type ChartTable } from '../shared/chart/ChartFrame.tsx';
import { CentreSummary } from './CentreSummary.tsx';
import { NormBadge, provinceName, useReceptionT } from './common.tsx';
import type { LocationList, LocationSummary, NationalReception, ReceptionAlert } from './types.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function ByType({ data }: { data: NationalReception }) {
  const { m, number, date, percentOne } = useReceptionT();
  const rows = data.byType.map((b) => ({ key: b.type, label: b.label, capacity: b.capacity, occupancy: b.occupancy }));
  const table: ChartTable = {
    caption: m.national.byTypeCaption(date(data.asOf!)),
    columns: [
      { header: m.national.colType },
      { header: m.national.colLocations, numeric: true },
      { header: m.national.colReported, numeric: true },
      { header: m.national.colCapacity, numeric: true },
      { header: m.national.colOccupancy, numeric: true },
      { header: m.national.colRate, numeric: true, format: percentOne },
    ],
    rows: data.byType.map((b) => [b.label, b.locations, b.reported, b.capacity, b.occupancy, ratePercent(b.occupancy, b.capacity)]),
    footer: [
      m.national.total,
      data.byType.reduce((s, b) => s + b.locations, 0),
      data.byType.reduce((s, b) => s + b.reported, 0),
      data.capacity,
      data.occupancy,
      ratePercent(data.occupancy, data.capacity),
    ],
  };
  return (
    <ChartFrame
      testId="by-type"
      caption={table.caption}
      chart={(captionId) => (
        <BarChart
          labelledBy={captionId}
          description={m.national.byTypeDesc}
          rows={rows}
          format={number}
          valueText={(r) => m.national.barValue(number(r.occupancy), number(r.capacity))}
        />
      )}
      footer={
        <ChartLegend
          bars={[
            { key: 'capacity', label: m.national.colCapacity },
            { key: 'occupancy', label: m.national.colOccupancy },
          ]}
        />
      }
      table={table}
    />
  );
}

function Provinces({ share }: { share: NonNullable<NationalReception['capacityShare']> }) {
  const { m, number, signed, tenths } = useReceptionT();
  return (
    <>
      <Paragraph>{m.national.provincesLead(share.title)}</Paragraph>
      <Table caption={m.national.provincesCaption(number(share.total.share))}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{m.national.colProvince}</TableHeaderCell>
            <TableHeaderCell scope="col" className="rt-numeric">{m.national.colLocations}</TableHeaderCell>
            <TableHeaderCell scope="col" className="rt-numeric">{m.national.colRealised}</TableHeaderCell>
            <TableHeaderCell scope="col" className="rt-numeric">{m.national.colShare}</TableHeaderCell>
            <TableHeaderCell scope="col" className="rt-numeric">{m.national.colDifference}</TableHeaderCell>
            <TableHeaderCell scope="col" className="rt-numeric">{m.national.colPercentage}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {share.provinces.map((p) => (
            <TableRow key={p.provinceCode}>
              <TableHeaderCell scope="row">{p.name ?? provinceName(p.provinceCode)}</TableHeaderCell>
              <TableCell className="rt-numeric">{number(p.locations)}</TableCell>
              <TableCell className="rt-numeric">{number(p.realised)}</TableCell>
              <TableCell className="rt-numeric">{number(p.share)}</TableCell>
              <TableCell className="rt-numeric">{signed(p.difference)}</TableCell>
              <TableCell className="rt-numeric">{tenths(p.percentageTenths)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
        <TableFooter>
          <TableRow>
            <TableHeaderCell scope="row">{m.national.total}</TableHeaderCell>
            <TableCell className="rt-numeric">{number(share.provinces.reduce((s, p) => s + p.locations, 0))}</TableCell>
            <TableCell className="rt-numeric">{number(share.total.realised)}</TableCell>
            <TableCell className="rt-numeric">{number(share.total.share)}</TableCell>
            <TableCell className="rt-numeric">{signed(share.total.difference)}</TableCell>
            <TableCell className="rt-numeric">{tenths(share.total.percentageTenths)}</TableCell>
          </TableRow>
        </TableFooter>
      </Table>
    </>
  );
}

function Alerts() {
  const { m, t, number, date } = useReceptionT();
  const alerts = useApi<{ items: ReceptionAlert[] }>('/api/v1/reception/alerts?limit=5');
  return (
    <section aria-labelledby="reception-alerts">
      <Heading level={2} id="reception-alerts">
        {m.national.alertsTitle}
      </Heading>
      <Paragraph>{m.national.alertsLead}</Paragraph>
      <LoadingStatus busy={alerts.status === 'loading'} loadingText={t.common.loading} />
      {alerts.error ? <ApiErrorState error={alerts.error} onRetry={alerts.retry} /> : null}
      {alerts.data ? (
        alerts.data.items.length === 0 ? (
          <Paragraph>{m.national.noAlerts}</Paragraph>
        ) : (
          <ul className="rt-reception-alerts" data-testid="alerts">
            {alerts.data.items.map((a) => (
              <li key={a.id}>
                <RouterLink to={`/opvang/${encodeURIComponent(a.locationCode)}`}>{a.locationName}</RouterLink>:{' '}
                {m.national.alert(number(a.occupancy), date(a.day), number(a.maximum), date(a.streakStart))}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}

function Locations({ asOf }: { asOf: string }) {
  const { m, t, number, date, maybe, locale } = useReceptionT();
  const data = useApi<LocationList>(`/api/v1/reception/locations?asOf=${encodeURIComponent(asOf)}`);
  const columns = useMemo<Column<LocationSummary>[]>(
    () => [
      { key: 'name', header: m.national.colName, rowHeader: true, cell: (r) => <RouterLink to={`/opvang/${encodeURIComponent(r.code)}`}>{r.name}</RouterLink>, sortValue: (r) => r.name },
      { key: 'type', header: m.national.colType, cell: (r) => r.typeLabel, sortValue: (r) => r.typeLabel },
      { key: 'municipality', header: m.national.colMunicipality, cell: (r) => r.municipalityName, sortValue: (r) => r.municipalityName },
      { key: 'province', header: m.national.colProvince, cell: (r) => provinceName(r.provinceCode), sortValue: (r) => provinceName(r.provinceCode) },
      { key: 'capacity', header: m.national.colCapacity, numeric: true, cell: (r) => number(r.capacity), sortValue: (r) => r.capacity },
      { key: 'occupancy', header: m.national.colOccupancy, numeric: true, cell: (r) => maybe(r.occupancy), sortValue: (r) => r.occupancy ?? -1 },
      { key: 'permitHolders', header: m.national.colPermitHolders, numeric: true, cell: (r) => maybe(r.permitHolders), sortValue: (r) => r.permitHolders ?? -1 },
      { key: 'lastDay', header: m.national.colLastDay, cell: (r) => (r.lastDay ? date(r.lastDay) : m.noValue), sortValue: (r) => r.lastDay ?? '' },
      {
        key: 'norm',
        header: m.national.colNorm,
        cell: (r) =>
          r.norm === null ? (
            m.noValue
          ) : (
            <>
              {number(r.norm)} <NormBadge over={r.overNorm} />
            </>
          ),
        // Over the norm first when sorted descending, then by norm.
        sortValue: (r) => (r.norm === null ? -1 : (r.overNorm ? 1_000_000 : 0) + r.norm),
      },
    ],
    [m, number, date, maybe],
  );
  return (
    <section aria-labelledby="reception-locations">
      <Heading level={2} id="reception-locations">
        {m.national.locationsTitle}
      </Heading>
      <LoadingStatus busy={data.status === 'loading'} loadingText={t.common.loading} />
      {data.error ? <ApiErrorState error={data.error} onRetry={data.retry} /> : null}
      {data.data ? (
        data.data.items.length === 0 ? (
          <Paragraph>{m.national.noLocations}</Paragraph>
        ) : (
          <SortableTable
            caption={m.national.locationsCaption(date(data.data.asOf))}
            captionHint={m.national.locationsHint}
            columns={columns}
            rows={data.data.items}
            rowKey={(r) => r.code}
            locale={locale}
            sortedMessage={t.common.sortedBy}
          />
        )
      ) : null}
    </section>
  );
}

/** /opvang: the national picture of reception on one day (the latest with figures unless a date is chosen). */
export function NationalPage() {
  const { m, t, number, date, rate } = useReceptionT();
  const [params, setParams] = useSearchParams();
  const requested = params.get('peildatum') ?? '';
  const asOf = ISO_DATE.test(requested) ? requested : '';
  const data = useApi<NationalReception>(`/api/v1/reception${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`);
  const d = data.data;
  const session = useSession();

  return (
    <>
      <PageTitle>{`${m.national.title} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {m.national.title}
      </Heading>
      <Paragraph appearance="lead">{m.national.lead}</Paragraph>
      {/* The same policy as the upload route: only COA reports occupancy. */}
      {session.may('occupancy.upload') ? (
        <div className="rt-actions">
          <RouterLink to="/opvang/bezetting-uploaden">{m.upload.link}</RouterLink>
        </div>
      ) : null}
      <div className="rt-reception-filters">
        <TextField
          id="reception-asof"
          type="date"
          label={m.national.asOf}
          description={m.national.asOfHelp}
          value={asOf}
          onChange={(v) => {
            const next = new URLSearchParams(params);
            if (ISO_DATE.test(v)) next.set('peildatum', v);
            else next.delete('peildatum');
            setParams(next, { replace: true });
          }}
        />
      </div>
      <LoadingStatus busy={data.status === 'loading'} loadingText={t.common.loading} />
      {data.error ? <ApiErrorState error={data.error} onRetry={data.retry} /> : null}
      {d && !d.asOf ? <Paragraph>{asOf ? m.national.noFiguresOn(date(asOf)) : m.national.noFigures}</Paragraph> : null}
      {d && d.asOf ? (
        <>
          <Paragraph data-testid="as-of">{m.national.asOfLine(date(d.asOf))}</Paragraph>
          <section aria-labelledby="reception-key">
            <Heading level={2} id="reception-key">
              {m.national.keyFigures}
            </Heading>
            <dl className="rt-reception-figures" data-testid="key-figures">
              <div>
                <dt>{m.national.occupancy}</dt>
                <dd>{m.national.occupancyValue(number(d.occupancy), number(d.capacity), rate(d.occupancy, d.capacity))}</dd>
              </div>
              <div>
                <dt>{m.national.permitHolders}</dt>
                <dd>{m.national.permitHoldersValue(number(d.permitHolders))}</dd>
              </div>
              {d.registrationCentres.map((c) => (
                <div key={c.code} className={c.norm !== null && c.occupancy !== null && c.occupancy > c.norm ? 'rt-reception-figures--over' : undefined}>
                  <dt>{c.name}</dt>
                  <dd>
                    {c.occupancy === null ? m.noValue : c.norm === null ? number(c.occupancy) : m.national.centreValue(number(c.occupancy), number(c.norm))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>

          <section aria-labelledby="reception-by-type">
            <Heading level={2} id="reception-by-type">
              {m.national.byTypeTitle}
            </Heading>
            <ByType data={d} />
          </section>

          <section aria-labelledby="reception-centres">
            <Heading level={2} id="reception-centres">
              {m.national.centresTitle}
            </Heading>
            <Paragraph>{m.national.centresLead}</Paragraph>
            {d.registrationCentres.length === 0 ? <Paragraph>{m.national.noCentres}</Paragraph> : null}
            {d.registrationCentres.map((c) => (
              <CentreSummary key={`${c.code}-${d.asOf}`} code={c.code} name={c.name} summary={c.summary} asOf={d.asOf!} />
            ))}
          </section>

          <section aria-labelledby="reception-provinces">
            <Heading level={2} id="reception-provinces">
              {m.national.provincesTitle}
            </Heading>
            {d.capacityShare ? <Provinces share={d.capacityShare} /> : <Paragraph>{m.national.noDecision}</Paragraph>}
          </section>

          <Alerts />
          <Locations asOf={d.asOf} />
        </>
      ) : null}
    </>
  );
}
