import { useState } from 'react';
import { send } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import { FileUploadForm } from '../shared/FileUpload.tsx';
import { CheckboxField, FieldGroup, Heading, LoadingStatus, PageTitle, Paragraph, RouterLink, UnorderedList, UnorderedListItem } from '../ui/index.ts';
import { useReceptionT } from './common.tsx';
import type { NationalReception, OccupancyUploadResult } from './types.ts';

/**
 * /opvang/bezetting-uploaden — COA's daily occupancy list (POST /api/v1/reception/occupancy/uploads): all or nothing,
 * the same file twice changes nothing, and a different figure for a day already known only as an explicit correction.
 */
export function OccupancyUploadPage() {
  const { m, t, number, date } = useReceptionT();
  const u = m.upload;
  const [corrections, setCorrections] = useState(false);
  // The latest day with figures tells COA which day comes next; read again after every accepted file.
  const latest = useApi<NationalReception>('/api/v1/reception');

  return (
    <>
      <PageTitle>{`${u.title} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {u.title}
      </Heading>
      <Paragraph appearance="lead">{u.lead}</Paragraph>
      <div className="rt-actions">
        <RouterLink to="/opvang">{u.back}</RouterLink>
      </div>
      <LoadingStatus busy={latest.status === 'loading'} loadingText={t.common.loading} />
      {latest.error ? <ApiErrorState error={latest.error} onRetry={latest.retry} /> : null}
      {latest.data ? <Paragraph data-testid="occupancy-last-day">{latest.data.asOf ? u.lastDay(date(latest.data.asOf)) : u.noDays}</Paragraph> : null}
      <Paragraph appearance="small">{u.columns}</Paragraph>
      <FileUploadForm<OccupancyUploadResult>
        id="occupancy-file"
        submitLabel={u.submit}
        upload={async (payload) => {
          const answer = (await send<OccupancyUploadResult>('POST', '/api/v1/reception/occupancy/uploads', { ...payload, corrections })).data;
          // A correction is chosen per file: the next file, most often a new day, must not replace figures unasked.
          setCorrections(false);
          latest.retry();
          return answer;
        }}
        fieldOf={(name) => (name === 'corrections' ? 'occupancy-corrections' : null)}
        after={(errorOf) => (
          <FieldGroup id="occupancy-corrections" legend={u.correctionLegend} description={u.correctionHelp} error={errorOf('occupancy-corrections')}>
            <CheckboxField id="occupancy-correction" label={u.correction} checked={corrections} onChange={setCorrections} />
          </FieldGroup>
        )}
        alreadyUploaded={(r) => r.alreadyUploaded}
        success={(result) => (
          <>
            <Paragraph data-testid="occupancy-upload-summary">
              {result.alreadyUploaded ? t.upload.already(result.lineCount) : u.summary(result.lineCount, result.newCount, result.correctedCount, result.unchangedCount)}
            </Paragraph>
            {result.alerts.length > 0 ? (
              <>
                <p className="rt-alert-heading">{u.alertsTitle(result.alerts.length)}</p>
                <UnorderedList data-testid="occupancy-upload-alerts">
                  {result.alerts.map((a) => (
                    <UnorderedListItem key={`${a.locationCode}-${a.streakStart}`}>{u.alert(a.locationCode, date(a.date), number(a.occupancy), number(a.norm))}</UnorderedListItem>
                  ))}
                </UnorderedList>
              </>
            ) : null}
            <Paragraph>
              <RouterLink to="/opvang">{u.toNational}</RouterLink>
            </Paragraph>
          </>
        )}
      />
    </>
  );
}
