import { useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../api/useApi.ts';
import { useSession } from '../auth/session.tsx';
import { provinceName } from '../distribution/common.tsx';
import { useT } from '../i18n/index.tsx';
import { RUNNING_AS_OF, type MapClass as LedgerClass, type Overview, type PublicMap } from '../ledger/types.ts';
import { BarChart, ChartLegend } from '../reception/charts.tsx';
import type { NationalReception } from '../reception/types.ts';
import { projectShapes, type ProjectedShape } from '../regions/geo.ts';
import { PROVINCE_FEATURES } from '../regions/map-data.ts';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import { ChartFrame, FiguresTable, type ChartTable } from '../shared/chart/ChartFrame.tsx';
import { ChoroplethLegend, ChoroplethMap, type MapArea, type MapClass } from '../shared/map/Choropleth.tsx';
import { countByClass, type Tone } from '../shared/map/classes.ts';
import { useMunicipalGeometry } from '../shared/map/useMunicipalGeometry.ts';
import { Alert, Heading, LoadingStatus, PageTitle, Paragraph, SelectField } from '../ui/index.ts';
import {
  BACKLOG_CLASSES,
  backlogClass,
  chosenMeasure,
  chosenPeriod,
  hasMunicipalGeometry,
  MAP_PERIODS,
  MEASURES,
  perThousand,
  periodYear,
  populationDateFor,
  SHARE_CLASSES,
  shareClass,
  type MeasureKey,
} from './measures.ts';
import { en, nl, type MapsMessages } from './messages.ts';

const WIDTH = 400;
const HEIGHT = 480;
const NO_DATA = 'geen-gegevens';

function useMapsT() {
  const i18n = useT();
  const m: MapsMessages = i18n.lang === 'en' ? en : nl;
  const locale = i18n.lang === 'nl' ? 'nl-NL' : 'en-GB';
  const one = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const two = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return {
    ...i18n,
    m,
    /** 90.5 → "90,5 %". */
    percent: (p: number) => `${one.format(p)} %`,
    /** 0.271 → "0,27". */
    twoDecimals: (n: number) => two.format(n),
    noData: { key: NO_DATA, label: m.noData, tone: 'none' as Tone },
  };
}

/** The municipal boundaries drawn to this page's map size, with their year; null while they load. */
function useMunicipalShapes(): { shapes: ProjectedShape[]; year: number } | null {
  const geometry = useMunicipalGeometry();
  return useMemo(() => (geometry ? { shapes: projectShapes(geometry.features, WIDTH, HEIGHT, 6), year: geometry.year } : null), [geometry]);
}

/**
 * A map with its legend, details line and table in the chart frame (table, CSV, SVG, PNG); without the boundaries
 * of the period's year, a message says so and the table stands on its own.
 */
function MapFrame(props: {
  caption: string;
  description: string;
  shapes: readonly ProjectedShape[] | null;
  missingGeometryYear?: number | null;
  classes: readonly MapClass[];
  areas: readonly MapArea[];
  table: ChartTable;
  testId: string;
}) {
  const { m, noData } = useMapsT();
  const { shapes, missingGeometryYear = null } = props;
  const counts = countByClass(
    [...props.classes, noData].map((c) => c.key),
    (shapes ?? []).map((s) => ({ classKey: props.areas.find((a) => a.code === s.code)?.classKey ?? NO_DATA })),
  );
  if (missingGeometryYear !== null) {
    return (
      <div data-testid={props.testId}>
        <Alert type="warning" heading={m.noGeometryTitle}>
          <Paragraph>{m.noGeometry(missingGeometryYear)}</Paragraph>
        </Alert>
        {props.table.rows.length > 0 ? <FiguresTable table={props.table} /> : <Paragraph>{m.empty}</Paragraph>}
      </div>
    );
  }
  if (props.table.rows.length === 0) return <Paragraph>{m.empty}</Paragraph>;
  if (!shapes) return <LoadingStatus busy loadingText={m.loading} />;
  return (
    <ChartFrame
      testId={props.testId}
      caption={props.caption}
      table={props.table}
      chart={(captionId) => (
        <ChoroplethMap
          shapes={shapes}
          width={WIDTH}
          height={HEIGHT}
          classes={props.classes}
          areas={props.areas}
          missingClass={noData}
          missingDetail={m.noDataDetail}
          labelledBy={captionId}
          description={`${props.description} ${m.keyboard}`}
          hint={m.hint}
        />
      )}
      footer={<ChoroplethLegend title={m.legendTitle} classes={[...props.classes, noData]} counts={counts} countText={m.count} />}
    />
  );
}

const REALISATION_TONES: Record<LedgerClass, Tone> = { behaald: 'good', bijna: 'fair', achter: 'poor', 'geen taak': 'neutral' };

/** (a) The published half-year map: % of the corrected taakstelling realised, in the server's classes. */
function RealisationMap({ period }: { period: string }) {
  const { m, t, number, percent } = useMapsT();
  const geometry = useMunicipalShapes();
  const data = useApi<PublicMap>(`/api/v1/ledger/public-map?period=${encodeURIComponent(period)}`);
  if (data.error) return <ApiErrorState error={data.error} onRetry={data.retry} />;
  if (!data.data) return <LoadingStatus busy loadingText={t.common.loading} />;
  const classes: MapClass[] = data.data.legend.map((entry) => ({
    key: entry.class,
    label: m.realisation.classLabel(m.realisation.classes[entry.class] ?? entry.class, entry.label),
    tone: REALISATION_TONES[entry.class] ?? 'neutral',
  }));
  const label = new Map(classes.map((c) => [c.key, c.label]));
  const items = [...data.data.items].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const areas: MapArea[] = items.map((i) => ({
    code: i.code,
    name: i.name,
    classKey: i.class,
    detail:
      i.percentage === null
        ? m.realisation.detailNoQuota(i.name, number(i.realised), number(i.corrected), label.get(i.class) ?? i.class)
        : m.realisation.detail(i.name, percent(i.percentage), number(i.realised), number(i.corrected), label.get(i.class) ?? i.class),
  }));
  const table: ChartTable = {
    caption: m.realisation.caption(period),
    columns: [
      { header: m.colName },
      { header: m.colProvince },
      { header: m.realisation.colCorrected, numeric: true },
      { header: m.realisation.colRealised, numeric: true },
      { header: m.realisation.colPercentage, numeric: true, format: percent },
      { header: m.colClass },
    ],
    rows: items.map((i) => [i.name, provinceName(i.provinceCode), i.corrected, i.realised, i.percentage, label.get(i.class) ?? i.class]),
  };
  return (
    <>
      <Paragraph>{m.realisation.source}</Paragraph>
      <MunicipalMap period={period} geometry={geometry} caption={table.caption} description={m.realisation.description} classes={classes} areas={areas} table={table} />
    </>
  );
}

function MunicipalMap(props: {
  period: string;
  geometry: ReturnType<typeof useMunicipalShapes>;
  caption: string;
  description: string;
  classes: readonly MapClass[];
  areas: readonly MapArea[];
  table: ChartTable;
}) {
  const { geometry, period } = props;
  const missing = geometry && !hasMunicipalGeometry(period, [geometry.year]) ? periodYear(period) : null;
  return (
    <MapFrame
      testId="map-frame"
      caption={props.caption}
      description={props.description}
      shapes={geometry?.shapes ?? null}
      missingGeometryYear={missing}
      classes={props.classes}
      areas={props.areas}
      table={props.table}
    />
  );
}

const BACKLOG_TONES: Record<string, Tone> = { geen: 'good', laag: 'neutral', midden: 'fair', hoog: 'poor', 'zeer-hoog': 'bad' };

interface Population {
  referenceDate: string;
  items: { municipalityCode: string; inhabitants: number; status: string }[];
}

/** (b) The ledger's backlog per municipality against its population on the taakstelling's reference date. */
function BacklogMap({ period }: { period: string }) {
  const { m, t, number, twoDecimals, noData } = useMapsT();
  const geometry = useMunicipalShapes();
  const asOf = RUNNING_AS_OF[period];
  const ledger = useApi<Overview>(`/api/v1/ledger?period=${encodeURIComponent(period)}${asOf ? `&asOf=${asOf}` : ''}`);
  const referenceDate = populationDateFor(period);
  const population = useApi<Population>(`/api/v1/population/${referenceDate}`);
  const error = ledger.error ?? population.error;
  if (error) return <ApiErrorState error={error} onRetry={ledger.error ? ledger.retry : population.retry} />;
  if (!ledger.data || !population.data) return <LoadingStatus busy loadingText={t.common.loading} />;
  const inhabitants = new Map(population.data.items.map((p) => [p.municipalityCode, p.inhabitants]));
  const statuses = [...new Set(population.data.items.map((p) => p.status))].join(', ');
  const classes: MapClass[] = BACKLOG_CLASSES.map((c) => ({ key: c, label: m.backlog.classes[c] ?? c, tone: BACKLOG_TONES[c] ?? 'neutral' }));
  const label = new Map([...classes, noData].map((c) => [c.key, c.label]));
  const items = [...ledger.data.items]
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
    .map((i) => {
      const people = inhabitants.get(i.code) ?? null;
      const ratio = perThousand(i.backlog, people);
      return { ...i, people, ratio, classKey: ratio === null ? NO_DATA : backlogClass(ratio) };
    });
  const areas: MapArea[] = items.map((i) => ({
    code: i.code,
    name: i.name,
    classKey: i.classKey,
    detail:
      i.ratio === null || i.people === null
        ? m.backlog.noPopulation(i.name, number(i.backlog))
        : m.backlog.detail(i.name, twoDecimals(i.ratio), number(i.backlog), number(i.people), label.get(i.classKey) ?? i.classKey),
  }));
  const table: ChartTable = {
    caption: m.backlog.caption(period),
    columns: [
      { header: m.colName },
      { header: m.colProvince },
      { header: m.backlog.colBacklog, numeric: true },
      { header: m.backlog.colInhabitants, numeric: true },
      { header: m.backlog.colPer1000, numeric: true, format: twoDecimals },
      { header: m.colClass },
    ],
    rows: items.map((i) => [i.name, provinceName(i.provinceCode), i.backlog, i.people, i.ratio, label.get(i.classKey) ?? i.classKey]),
  };
  return (
    <>
      <Paragraph>{m.backlog.source(referenceDate, statuses)}</Paragraph>
      <MunicipalMap period={period} geometry={geometry} caption={table.caption} description={m.backlog.description} classes={classes} areas={areas} table={table} />
    </>
  );
}

const SHARE_TONES: Record<string, Tone> = { gehaald: 'good', bijna: 'fair', achter: 'poor', 'ver-achter': 'bad' };

/** (c) Reception places per province against the province's share of the published capacity decision. */
function ReceptionMap() {
  const { m, t, number, percent, date, noData } = useMapsT();
  const data = useApi<NationalReception>('/api/v1/reception');
  const shapes = useMemo(() => projectShapes(PROVINCE_FEATURES, WIDTH, HEIGHT, 6), []);
  if (data.error) return <ApiErrorState error={data.error} onRetry={data.retry} />;
  if (!data.data) return <LoadingStatus busy loadingText={t.common.loading} />;
  const share = data.data.capacityShare;
  if (!share) return <Paragraph>{m.reception.noDecision}</Paragraph>;
  const classes: MapClass[] = SHARE_CLASSES.map((c) => ({ key: c, label: m.reception.classes[c] ?? c, tone: SHARE_TONES[c] ?? 'neutral' }));
  const label = new Map([...classes, noData].map((c) => [c.key, c.label]));
  const provinces = [...share.provinces]
    .map((p) => ({ ...p, label: p.name ?? provinceName(p.provinceCode), classKey: p.percentageTenths === null ? NO_DATA : shareClass(p.percentageTenths) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  const pct = (tenths: number | null) => (tenths === null ? null : tenths / 10);
  const areas: MapArea[] = provinces.map((p) => ({
    code: p.provinceCode,
    name: p.label,
    classKey: p.classKey,
    detail: m.reception.detail(p.label, p.percentageTenths === null ? m.noData : percent(p.percentageTenths / 10), number(p.realised), number(p.share), label.get(p.classKey) ?? p.classKey),
  }));
  const table: ChartTable = {
    caption: m.reception.caption(share.title),
    columns: [
      { header: m.reception.colProvince },
      { header: m.reception.colRealised, numeric: true },
      { header: m.reception.colShare, numeric: true },
      { header: m.reception.colPercentage, numeric: true, format: percent },
      { header: m.colClass },
    ],
    rows: provinces.map((p) => [p.label, p.realised, p.share, pct(p.percentageTenths), label.get(p.classKey) ?? p.classKey]),
  };
  const bars: ChartTable = {
    caption: m.reception.barsCaption,
    columns: [{ header: m.reception.colProvince }, { header: m.reception.colShare, numeric: true }, { header: m.reception.colRealised, numeric: true }],
    rows: provinces.map((p) => [p.label, p.share, p.realised]),
  };
  return (
    <>
      {data.data.asOf ? <Paragraph>{m.reception.asOf(date(data.data.asOf))}</Paragraph> : null}
      <MapFrame testId="map-frame" caption={table.caption} description={m.reception.description} shapes={shapes} classes={classes} areas={areas} table={table} />
      <ChartFrame
        testId="bars-frame"
        caption={bars.caption}
        table={bars}
        chart={(captionId) => (
          <BarChart
            labelledBy={captionId}
            description={m.reception.barsDescription}
            rows={provinces.map((p) => ({ key: p.provinceCode, label: p.label, capacity: p.share, occupancy: p.realised }))}
            format={number}
            valueText={(r) => m.reception.barValue(number(r.occupancy), number(r.capacity))}
          />
        )}
        footer={
          <ChartLegend
            bars={[
              { key: 'capacity', label: m.reception.colShare },
              { key: 'occupancy', label: m.reception.colRealised },
            ]}
          />
        }
      />
    </>
  );
}

/**
 * /kaarten: one map at a time, chosen by measure (and half-year): the published taakstelling map is public, the
 * backlog needs the ledger (signed in), reception capacity needs reception.read. The choice lives in the URL.
 */
export function MapsPage() {
  const { m } = useMapsT();
  const session = useSession();
  const allowed = MEASURES.filter((k) => k === 'realisatie' || session.may(k === 'achterstand' ? 'ledger.read' : 'reception.read'));
  const [params, setParams] = useSearchParams();
  const measure = chosenMeasure(params.get('maat'), allowed);
  const period = chosenPeriod(params.get('periode'));
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  let body: ReactNode;
  if (measure === 'opvang') body = <ReceptionMap />;
  else if (measure === 'achterstand') body = <BacklogMap key={period} period={period} />;
  else body = <RealisationMap key={period} period={period} />;

  return (
    <>
      <PageTitle>{m.title}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {m.title}
      </Heading>
      <Paragraph appearance="lead">{m.lead}</Paragraph>
      <div className="rt-maps-filters">
        <SelectField
          id="maps-measure"
          label={m.measureLabel}
          value={measure}
          options={allowed.map((k: MeasureKey) => ({ value: k, label: m.measures[k] }))}
          onChange={(v) => set('maat', v)}
        />
        {measure !== 'opvang' ? (
          <SelectField id="maps-period" label={m.period} value={period} options={MAP_PERIODS.map((p) => ({ value: p, label: p }))} onChange={(v) => set('periode', v)} />
        ) : null}
      </div>
      {body}
    </>
  );
}
