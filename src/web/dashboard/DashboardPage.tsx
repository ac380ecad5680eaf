import { useParams, useSearchParams } from 'react-router';
import { useApi } from '../api/useApi.ts';
import { RequireAccess } from '../auth/RequireAccess.tsx';
import { useSession } from '../auth/session.tsx';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import {
  Heading,
  LoadingStatus,
  PageTitle,
  Paragraph,
  RouterLink,
  StatusBadge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TextField,
} from '../ui/index.ts';
import { FigureCard, FigureMeta, provinceName, useDashboardT } from './common.tsx';
import { asOfFromSearch, dashboardPath, shareTenths, withAsOf } from './logic.ts';
import { PairedBars } from './PairedBars.tsx';
import type { Dashboard, DashboardMunicipality, DashboardReport } from './types.ts';

type Data = Dashboard;

const tenthsToPercent = (tenths: number | null) => (tenths === null ? null : tenths / 10);

/** A column header of figures (right-aligned like its cells). */
function NumHeader({ children }: { children: string }) {
  return (
    <TableHeaderCell scope="col" className="rt-numeric">
      {children}
    </TableHeaderCell>
  );
}

function AsOfField({ asOf }: { asOf: string }) {
  const { m } = useDashboardT();
  const [params, setParams] = useSearchParams();
  return (
    <div className="rt-dash-filters">
      <TextField
        id="dashboard-asof"
        type="date"
        label={m.asOfField}
        description={m.asOfHelp}
        value={asOf}
        onChange={(v) => {
          const next = new URLSearchParams(params);
          if (/^\d{4}-\d{2}-\d{2}$/.test(v)) next.set('peildatum', v);
          else next.delete('peildatum');
          setParams(next, { replace: true });
        }}
      />
    </div>
  );
}

function ReceptionSection({ d, asOf }: { d: Data; asOf: string }) {
  const { m, number, maybe, date, signed, percent } = useDashboardT();
  const r = d.reception;
  return (
    <section aria-labelledby="dash-reception" className="rt-dash-section">
      <Heading level={2} id="dash-reception">
        {m.reception.title}
      </Heading>
      {!r ? (
        <Paragraph>{m.reception.none}</Paragraph>
      ) : (
        <>
          <Heading level={3}>{m.reception.centresTitle}</Heading>
          {r.registrationCentres.length === 0 ? (
            <Paragraph>{m.reception.noCentres}</Paragraph>
          ) : (
            <>
              <Table caption={m.reception.centresCaption(date(r.asOf))}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{m.reception.colCentre}</TableHeaderCell>
                    <NumHeader>{m.reception.colOccupancy}</NumHeader>
                    <NumHeader>{m.reception.colNorm}</NumHeader>
                    <TableHeaderCell scope="col">{m.reception.colState}</TableHeaderCell>
                    <NumHeader>{m.reception.colBreachDays}</NumHeader>
                    <TableHeaderCell scope="col">{m.reception.colStreak}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {r.registrationCentres.map((c) => (
                    <TableRow key={c.code} data-testid={`centre-${c.code}`}>
                      <TableHeaderCell scope="row">
                        <RouterLink to={c.occupancy.href}>{c.name}</RouterLink>
                      </TableHeaderCell>
                      <TableCell className="rt-numeric">{maybe(c.occupancy.value)}</TableCell>
                      <TableCell className="rt-numeric">{maybe(c.norm)}</TableCell>
                      <TableCell>
                        {c.norm !== null ? <StatusBadge tone={c.overNorm ? 'danger' : 'success'}>{c.overNorm ? m.reception.overNorm : m.reception.withinNorm}</StatusBadge> : m.noValue}
                      </TableCell>
                      <TableCell className="rt-numeric">{number(c.breachDays)}</TableCell>
                      <TableCell>{c.currentStreakDays ? m.reception.streak(c.currentStreakDays, number(c.currentStreakDays)) : m.noValue}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <FigureMeta asOf={r.asOf} source={r.registrationCentres[0]!.occupancy.source} />
            </>
          )}
          <dl className="rt-dash-cards">
            <FigureCard label={m.reception.permitHolders} figure={r.permitHolders} />
            <FigureCard label={m.reception.occupancy} figure={r.occupancy} />
            <FigureCard label={m.reception.capacity} figure={r.capacity} />
          </dl>

          {r.capacityShare ? (
            <>
              <Heading level={3}>{m.reception.shareTitle}</Heading>
              <dl className="rt-dash-cards">
                <FigureCard
                  label={m.reception.shareCard}
                  figure={{ ...r.capacityShare.total, value: r.capacityShare.total.value?.realised ?? null }}
                  text={r.capacityShare.total.value ? `${number(r.capacityShare.total.value.realised)} / ${number(r.capacityShare.total.value.share)}` : m.noValue}
                  note={
                    r.capacityShare.total.value
                      ? m.reception.shareTotal(
                          number(r.capacityShare.total.value.realised),
                          number(r.capacityShare.total.value.share),
                          r.capacityShare.total.value.percentage ? `${r.capacityShare.total.value.percentage} %` : m.noValue,
                        )
                      : m.reception.shareNone
                  }
                />
              </dl>
              {r.capacityShare.provinces.length > 0 ? (
                <PairedBars
                  testId="chart-capacity"
                  caption={m.reception.shareCaption(r.capacityShare.title, date(r.capacityShare.asOf))}
                  description={m.reception.shareDesc}
                  rows={r.capacityShare.provinces.map((p) => ({ key: p.provinceCode, label: p.name ?? provinceName(p.provinceCode), value: p.realised, reference: p.share }))}
                  legend={{ value: m.reception.shareRealised, reference: m.reception.shareShare }}
                  format={number}
                  valueText={(row) => m.reception.barValue(number(row.value), number(row.reference))}
                  table={{
                    caption: m.reception.shareCaption(r.capacityShare.title, date(r.capacityShare.asOf)),
                    columns: [
                      { header: m.reception.colProvince },
                      { header: m.reception.shareRealised, numeric: true },
                      { header: m.reception.shareShare, numeric: true },
                      { header: m.reception.colDifference, numeric: true, format: signed },
                      { header: m.reception.colPercent, numeric: true, format: percent },
                    ],
                    rows: r.capacityShare.provinces.map((p) => [
                      p.name ?? provinceName(p.provinceCode),
                      p.realised,
                      p.share,
                      p.difference,
                      p.percentageTenths === null ? null : p.percentageTenths / 10,
                    ]),
                  }}
                />
              ) : null}
            </>
          ) : null}

          {d.province ? (
            <>
              <Heading level={3}>{m.reception.locationsTitle}</Heading>
              {r.locations.length === 0 ? (
                <Paragraph>{m.reception.noLocations}</Paragraph>
              ) : (
                <LocationsTable locations={r.locations} caption={m.reception.locationsCaption(date(r.asOf))} asOf={asOf} />
              )}
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

/** Reception locations with their latest figure; also used on the municipality page. */
export function LocationsTable({ locations, caption, asOf }: { locations: NonNullable<Data['reception']>['locations']; caption: string; asOf: string }) {
  const { m, number, maybe, date } = useDashboardT();
  return (
    <Table caption={caption}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{m.reception.colLocation}</TableHeaderCell>
          <TableHeaderCell scope="col">{m.reception.colType}</TableHeaderCell>
          <TableHeaderCell scope="col">{m.reception.colMunicipality}</TableHeaderCell>
          <NumHeader>{m.reception.colCapacity}</NumHeader>
          <NumHeader>{m.reception.colOccupancy}</NumHeader>
          <NumHeader>{m.reception.colPermitHolders}</NumHeader>
          <TableHeaderCell scope="col">{m.reception.colDay}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {locations.map((l) => (
          <TableRow key={l.code}>
            <TableHeaderCell scope="row">
              <RouterLink to={l.occupancy.href}>{l.name}</RouterLink>{' '}
              {l.norm !== null && l.overNorm ? <StatusBadge tone="danger">{m.reception.overNorm}</StatusBadge> : null}
            </TableHeaderCell>
            <TableCell>{l.typeLabel}</TableCell>
            <TableCell>
              <RouterLink to={withAsOf(`/taakstelling/${l.municipalityCode}`, asOf)}>{l.municipalityName}</RouterLink>
            </TableCell>
            <TableCell className="rt-numeric">{number(l.capacity)}</TableCell>
            <TableCell className="rt-numeric">{maybe(l.occupancy.value)}</TableCell>
            <TableCell className="rt-numeric">{maybe(l.permitHolders)}</TableCell>
            <TableCell className="rt-nowrap">{l.occupancy.asOf ? date(l.occupancy.asOf) : m.noValue}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function MunicipalityTable({ rows, caption, testId }: { rows: DashboardMunicipality[]; caption: string; testId: string }) {
  const { m, number } = useDashboardT();
  return (
    <div data-testid={testId}>
      <Table caption={caption}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{m.ledger.colMunicipality}</TableHeaderCell>
            <NumHeader>{m.ledger.colTaakstelling}</NumHeader>
            <NumHeader>{m.ledger.colCorrected}</NumHeader>
            <NumHeader>{m.ledger.colRealised}</NumHeader>
            <NumHeader>{m.ledger.colRemaining}</NumHeader>
            <TableHeaderCell scope="col">{m.ledger.colStatus}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.code}>
              <TableHeaderCell scope="row">
                <RouterLink to={r.href}>{r.name}</RouterLink>
              </TableHeaderCell>
              <TableCell className="rt-numeric">{number(r.taakstelling)}</TableCell>
              <TableCell className="rt-numeric">{number(r.corrected)}</TableCell>
              <TableCell className="rt-numeric">{number(r.realised)}</TableCell>
              <TableCell className="rt-numeric">{number(r.remaining)}</TableCell>
              <TableCell>{r.status ? m.ledger.status[r.status] : m.noValue}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function LedgerSection({ d, asOf }: { d: Data; asOf: string }) {
  const { m, number, date, percent } = useDashboardT();
  const l = d.ledger;
  return (
    <section aria-labelledby="dash-ledger" className="rt-dash-section">
      <Heading level={2} id="dash-ledger">
        {l ? m.ledger.title(l.period) : m.ledger.title('')}
      </Heading>
      {!l ? (
        <Paragraph>{m.ledger.none}</Paragraph>
      ) : (
        <>
          <dl className="rt-dash-cards">
            <FigureCard label={m.ledger.taakstelling} figure={l.taakstelling} />
            <FigureCard label={m.ledger.carriedIn} figure={l.carriedIn} />
            <FigureCard label={m.ledger.corrected} figure={l.corrected} />
            <FigureCard label={m.ledger.realised} figure={l.realised} />
            <FigureCard label={m.ledger.remaining} figure={l.remaining} />
            <FigureCard label={m.ledger.behind} figure={l.behind} text={`${number(l.behind.value)} / ${number(l.municipalities.value)}`} />
          </dl>
          {l.provinces.length > 0 ? (
            <PairedBars
              testId="chart-ledger"
              caption={m.ledger.chartCaption(l.period, date(l.asOf))}
              description={m.ledger.chartDesc}
              rows={l.provinces.map((p) => ({ key: p.provinceCode, label: provinceName(p.provinceCode), value: p.realised, reference: p.corrected }))}
              legend={{ value: m.ledger.colRealised, reference: m.ledger.colCorrected }}
              format={number}
              valueText={(row) => m.ledger.barValue(number(row.value), number(row.reference))}
              table={{
                caption: m.ledger.chartCaption(l.period, date(l.asOf)),
                columns: [
                  {
                    header: m.ledger.colProvince,
                    render: (_v, i) => {
                      const p = l.provinces[i];
                      return p ? <RouterLink to={withAsOf(p.href, asOf)}>{provinceName(p.provinceCode)}</RouterLink> : m.national.title;
                    },
                  },
                  { header: m.ledger.colTaakstelling, numeric: true },
                  { header: m.ledger.colCorrected, numeric: true },
                  { header: m.ledger.colRealised, numeric: true },
                  { header: m.reception.colPercent, numeric: true, format: percent },
                ],
                rows: l.provinces.map((p) => [provinceName(p.provinceCode), p.taakstelling, p.corrected, p.realised, tenthsToPercent(shareTenths(p.realised, p.corrected))]),
                footer: [m.national.title, l.taakstelling.value, l.corrected.value, l.realised.value, tenthsToPercent(shareTenths(l.realised.value, l.corrected.value))],
              }}
            />
          ) : null}
          {d.province ? (
            <>
              <Heading level={3}>{m.ledger.behindTitle}</Heading>
              {l.furthestBehind.length === 0 ? (
                <Paragraph>{m.ledger.noneBehind}</Paragraph>
              ) : (
                <MunicipalityTable rows={l.furthestBehind} caption={m.ledger.behindCaption(l.period)} testId="furthest-behind" />
              )}
              <Heading level={3}>{m.ledger.municipalitiesTitle}</Heading>
              <MunicipalityTable rows={l.municipalityList} caption={m.ledger.municipalitiesCaption(l.period)} testId="municipalities" />
              <FigureMeta asOf={l.asOf} source={l.source} />
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

/** Actions as a short table; also used on the municipality page, which marks the overdue ones. */
export function ActionsTable({ items, caption }: { items: (Data['actions']['items'][number] & { overdue?: boolean })[]; caption: string }) {
  const { m, date } = useDashboardT();
  return (
    <Table caption={caption}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{m.actions.colAction}</TableHeaderCell>
          <TableHeaderCell scope="col">{m.actions.colHolder}</TableHeaderCell>
          <TableHeaderCell scope="col">{m.actions.colMeasure}</TableHeaderCell>
          <TableHeaderCell scope="col">{m.actions.colDeadline}</TableHeaderCell>
          <TableHeaderCell scope="col">{m.actions.colStatus}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((a) => (
          <TableRow key={a.id}>
            <TableHeaderCell scope="row" lang="nl">
              <RouterLink to={a.href}>{a.description}</RouterLink>
            </TableHeaderCell>
            <TableCell>{a.holder}</TableCell>
            <TableCell lang="nl">{a.measure}</TableCell>
            <TableCell className="rt-nowrap">{date(a.deadline)}</TableCell>
            <TableCell>
              <span lang="nl">{a.status}</span>
              {a.overdue ? (
                <>
                  {' '}
                  <StatusBadge tone="danger">{m.municipality.overdue}</StatusBadge>
                </>
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function ActionsSection({ d }: { d: Data }) {
  const { m, date } = useDashboardT();
  const a = d.actions;
  return (
    <section aria-labelledby="dash-actions" className="rt-dash-section">
      <Heading level={2} id="dash-actions">
        {m.actions.title}
      </Heading>
      <dl className="rt-dash-cards">
        <FigureCard label={m.actions.overdue} figure={a.overdue} />
      </dl>
      {a.items.length === 0 ? <Paragraph>{m.actions.none}</Paragraph> : <ActionsTable items={a.items} caption={m.actions.caption(date(a.overdue.asOf ?? d.asOf))} />}
    </section>
  );
}

function ReportsTable({ items, caption, withProvince }: { items: DashboardReport[]; caption: string; withProvince: boolean }) {
  const { m, date, month, number } = useDashboardT();
  return (
    <Table caption={caption}>
      <TableHeader>
        <TableRow>
          {withProvince ? <TableHeaderCell scope="col">{m.reports.colProvince}</TableHeaderCell> : null}
          <TableHeaderCell scope="col">{m.reports.colMonth}</TableHeaderCell>
          <TableHeaderCell scope="col">{m.reports.colDeadline}</TableHeaderCell>
          <TableHeaderCell scope="col">{m.reports.colSubmitted}</TableHeaderCell>
          <TableHeaderCell scope="col">{m.reports.colState}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((c) => (
          <TableRow key={`${c.provinceCode}-${c.month}`}>
            {withProvince ? <TableHeaderCell scope="row">{c.provinceName}</TableHeaderCell> : null}
            <TableCell>
              <RouterLink to={c.href}>{withProvince ? `${month(c.month)} (${c.provinceName})` : month(c.month)}</RouterLink>
            </TableCell>
            <TableCell className="rt-nowrap">{date(c.deadline)}</TableCell>
            <TableCell className="rt-nowrap">{c.submittedOn ? date(c.submittedOn) : m.noValue}</TableCell>
            <TableCell>
              <StatusBadge tone={c.state === 'op-tijd' ? 'success' : c.state === 'niet-verwacht' ? 'neutral' : 'danger'}>{m.reports.state[c.state]}</StatusBadge>
              {c.daysLate ? ` ${m.reports.daysLate(c.daysLate, number(c.daysLate))}` : ''}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function ReportsSection({ d }: { d: Data }) {
  const { m, date, percent } = useDashboardT();
  const r = d.reports;
  const on = date(r.late.asOf ?? d.asOf);
  return (
    <section aria-labelledby="dash-reports" className="rt-dash-section">
      <Heading level={2} id="dash-reports">
        {d.province ? m.reports.provinceTitle : m.reports.title}
      </Heading>
      <dl className="rt-dash-cards">
        <FigureCard label={m.reports.late} figure={r.late} />
        <FigureCard label={m.reports.completeness} figure={r.completenessPercent} text={percent(r.completenessPercent.value)} />
        <FigureCard label={m.reports.timeliness} figure={r.timelinessPercent} text={percent(r.timelinessPercent.value)} />
      </dl>
      {d.province ? (
        r.months.length === 0 ? (
          <Paragraph>{m.reports.noMonths}</Paragraph>
        ) : (
          <ReportsTable items={r.months} caption={m.reports.monthsCaption(on)} withProvince={false} />
        )
      ) : r.items.length === 0 ? (
        <Paragraph>{m.reports.none}</Paragraph>
      ) : (
        <ReportsTable items={r.items} caption={m.reports.caption(on)} withProvince />
      )}
    </section>
  );
}

function MeetingSection({ d }: { d: Data }) {
  const { m, date } = useDashboardT();
  const v = d.meeting;
  return (
    <section aria-labelledby="dash-meeting" className="rt-dash-section" data-testid="next-meeting">
      <Heading level={2} id="dash-meeting">
        {v?.kind === 'laatste' ? m.meeting.last : m.meeting.next}
      </Heading>
      {!v ? (
        <Paragraph>{m.meeting.none}</Paragraph>
      ) : (
        <>
          {v.kind === 'laatste' ? <Paragraph>{m.meeting.lastNote}</Paragraph> : null}
          <Paragraph>
            <strong>{m.meeting.line(v.body.name, date(v.date), v.place)}</strong>
          </Paragraph>
          <Heading level={3}>{m.meeting.agendaCaption}</Heading>
          <ol className="rt-dash-agenda" lang="nl">
            {v.agenda.map((i) => (
              <li key={i.number} value={i.number}>
                {i.title}
              </li>
            ))}
          </ol>
          <FigureMeta asOf={null} source={v.source} />
          <RouterLink to={v.href}>{m.meeting.toMeeting(date(v.date))}</RouterLink>
        </>
      )}
    </section>
  );
}

function ProvincesSection({ d, asOf }: { d: Data; asOf: string }) {
  const { m } = useDashboardT();
  const session = useSession();
  return (
    <section aria-labelledby="dash-provinces" className="rt-dash-section">
      <Heading level={2} id="dash-provinces">
        {m.national.provincesTitle}
      </Heading>
      <Paragraph>{m.national.provincesLead}</Paragraph>
      <ul className="rt-dash-provinces" data-testid="provinces">
        {d.provinces.map((p) => (
          <li key={p.code}>
            {session.may('dashboard.province', { provinceCode: p.code }) ? (
              <RouterLink to={withAsOf(p.href, asOf)}>{p.name}</RouterLink>
            ) : (
              <>
                {p.name} <span className="rt-dash-muted">({m.national.provinceNoAccess})</span>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function DashboardView({ province }: { province: string | null }) {
  const { m, t, date } = useDashboardT();
  const session = useSession();
  const [params] = useSearchParams();
  const asOf = asOfFromSearch(params);
  const data = useApi<Data>(dashboardPath(province, asOf));
  const d = data.data;
  const name = d?.province?.name ?? (province ? provinceName(province) : '');
  const title = province ? m.province.title(name) : m.national.title;
  return (
    <>
      <PageTitle>{`${title} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {title}
      </Heading>
      <Paragraph appearance="lead">{province ? m.province.lead(name) : m.national.lead}</Paragraph>
      {province && session.may('dashboard.national') ? (
        <div className="rt-actions">
          <RouterLink to={withAsOf('/dashboard', asOf)}>{m.province.toNational}</RouterLink>
        </div>
      ) : null}
      <AsOfField asOf={asOf} />
      <LoadingStatus busy={data.status === 'loading'} loadingText={t.common.loading} doneText={d ? m.asOfLine(date(d.asOf)) : ''} />
      {data.error ? <ApiErrorState error={data.error} onRetry={data.retry} /> : null}
      {d ? (
        <div className="rt-dash">
          <ReceptionSection d={d} asOf={asOf} />
          <LedgerSection d={d} asOf={asOf} />
          <ActionsSection d={d} />
          <ReportsSection d={d} />
          <MeetingSection d={d} />
          {!province ? <ProvincesSection d={d} asOf={asOf} /> : null}
        </div>
      ) : null}
    </>
  );
}

export function NationalDashboardPage() {
  return <DashboardView province={null} />;
}

export function ProvinceDashboardPage() {
  const code = (useParams().province ?? '').toUpperCase();
  // A new view per province: nothing of the previous one lingers while the next loads.
  return (
    <RequireAccess policy="dashboard.province" scope={{ provinceCode: code }}>
      <DashboardView key={code} province={code} />
    </RequireAccess>
  );
}
