import { useState } from 'react';
import { send } from '../api/client.ts';
import { FileUploadForm } from '../shared/FileUpload.tsx';
import { Heading, PageTitle, Paragraph, RouterLink, SelectField } from '../ui/index.ts';
import { useLedgerT } from './common.tsx';
import { PERIODS, type RealisationRecorded } from './types.ts';

/**
 * /taakstelling/realisaties-uploaden — COA's list of housed permit holders for a half-year: every line checked, all or
 * nothing; a line already known is not counted twice, so an overlapping list adds only what is new.
 */
export function RealisationUploadPage() {
  const { m, t } = useLedgerT();
  const u = m.upload;
  const [period, setPeriod] = useState<string>(PERIODS[PERIODS.length - 1]!);

  return (
    <>
      <PageTitle>{`${u.title} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {u.title}
      </Heading>
      <Paragraph appearance="lead">{u.lead}</Paragraph>
      <div className="rt-actions">
        <RouterLink to="/taakstelling/overzicht">{u.back}</RouterLink>
      </div>
      <Paragraph appearance="small">{u.columns}</Paragraph>
      <FileUploadForm<RealisationRecorded>
        id="realisation-file"
        submitLabel={u.submit}
        upload={async (payload) => (await send<RealisationRecorded>('POST', '/api/v1/realisations/uploads', { ...payload, period })).data}
        fieldOf={(name) => (name === 'period' ? 'realisation-period' : null)}
        before={(errorOf) => (
          <SelectField
            id="realisation-period"
            label={m.period}
            description={u.periodHelp}
            value={period}
            options={PERIODS.map((p) => ({ value: p, label: p }))}
            onChange={setPeriod}
            error={errorOf('realisation-period')}
          />
        )}
        alreadyUploaded={(r) => r.alreadyUploaded}
        success={(result) => (
          <>
            <Paragraph data-testid="realisation-upload-summary">
              {result.alreadyUploaded ? t.upload.already(result.lineCount) : u.summary(result.lineCount, result.newCount, result.skippedCount, result.period)}
            </Paragraph>
            <Paragraph>
              <RouterLink to={`/taakstelling/overzicht?periode=${encodeURIComponent(result.period)}`}>{u.toOverview(result.period)}</RouterLink>
            </Paragraph>
          </>
        )}
      />
    </>
  );
}
