import { useApi } from '../api/useApi.ts';
import { useSession } from '../auth/session.tsx';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import type { ActionList } from '../agenda/types.ts';
import type { LocationList } from '../reception/types.ts';
import { Heading, LoadingStatus, Paragraph, RouterLink } from '../ui/index.ts';
import { provinceName, useDashboardT } from './common.tsx';
import { ActionsTable, LocationsTable } from './DashboardPage.tsx';
import { withAsOf } from './logic.ts';

/**
 * The sections a municipality's ledger page adds from the dashboard: its reception locations, its province's actions
 * (actions belong to a province, not to a municipality) and where its province's reports are. `asOf`: the ledger
 * page's reading date, if any.
 */
export function MunicipalityContext({ code, provinceCode, asOf }: { code: string; provinceCode: string; asOf: string | null }) {
  const { m, t, date } = useDashboardT();
  const session = useSession();
  // The register holds a few hundred locations at most (the server reads it whole too): filtered here.
  const locations = useApi<LocationList>(`/api/v1/reception/locations${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`);
  const own = locations.data?.items.filter((l) => l.municipalityCode === code) ?? [];
  const actions = useApi<ActionList>(`/api/v1/actions?province=${encodeURIComponent(provinceCode)}`);
  const province = provinceName(provinceCode);
  return (
    <>
      <section aria-labelledby="municipality-reception" data-testid="municipality-reception">
        <Heading level={2} id="municipality-reception">
          {m.municipality.receptionTitle}
        </Heading>
        <LoadingStatus busy={locations.status === 'loading'} loadingText={t.common.loading} />
        {locations.error ? <ApiErrorState error={locations.error} onRetry={locations.retry} /> : null}
        {locations.data ? (
          own.length === 0 ? (
            <Paragraph>{m.municipality.noLocations}</Paragraph>
          ) : (
            <LocationsTable
              caption={m.municipality.receptionCaption(date(locations.data.asOf))}
              asOf={asOf ?? ''}
              locations={own.map((l) => ({
                ...l,
                occupancy: { value: l.occupancy, asOf: l.lastDay, source: 'COA-bezettingsopgave', href: `/opvang/${l.code}` },
              }))}
            />
          )
        ) : null}
      </section>
      <section aria-labelledby="municipality-actions" data-testid="municipality-actions">
        <Heading level={2} id="municipality-actions">
          {m.municipality.actionsTitle}
        </Heading>
        <Paragraph>{m.municipality.actionsLead(province)}</Paragraph>
        <LoadingStatus busy={actions.status === 'loading'} loadingText={t.common.loading} />
        {actions.error ? <ApiErrorState error={actions.error} onRetry={actions.retry} /> : null}
        {actions.data ? (
          actions.data.items.length === 0 ? (
            <Paragraph>{m.municipality.noActions}</Paragraph>
          ) : (
            <ActionsTable
              caption={m.municipality.actionsCaption(province)}
              items={actions.data.items.map((a) => ({
                id: a.id,
                description: a.description,
                holder: a.holder.organisation,
                measure: `${a.programme.code} maatregel ${a.measure.number}`,
                deadline: a.deadline,
                status: a.status,
                provinceCode: a.provinceCode,
                href: `/acties/${a.id}`,
                overdue: a.overdue,
              }))}
            />
          )
        ) : null}
        <Paragraph>{m.municipality.reportsLine(province)}</Paragraph>
        <div className="rt-actions">
          {session.may('dashboard.province', { provinceCode }) ? (
            <RouterLink to={withAsOf(`/dashboard/${provinceCode}`, asOf ?? '')}>{m.municipality.toProvinceDashboard(province)}</RouterLink>
          ) : null}
          <RouterLink to="/rapportages">{m.municipality.toReports}</RouterLink>
        </div>
      </section>
    </>
  );
}
