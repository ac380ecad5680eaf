import { useNavigate } from 'react-router';
import { Alert, Heading, PageTitle, Paragraph, RouterLink } from '../ui/index.ts';
import { useDistributionAccess, useDistributionT } from './common.tsx';
import { DecisionForm } from './DecisionForm.tsx';

/** /verdeling/nieuw: a new draft (the route itself asks for a login). */
export function NewDecisionPage() {
  const { m, t } = useDistributionT();
  const access = useDistributionAccess();
  const navigate = useNavigate();
  return (
    <>
      <PageTitle>{`${m.form.newTitle} – ${t.app.titleSuffix}`}</PageTitle>
      <Paragraph>
        <RouterLink to="/verdeling">
          <span aria-hidden="true">← </span>
          {m.detail.back}
        </RouterLink>
      </Paragraph>
      <Heading level={1} tabIndex={-1} className="rt-break-words">
        {m.form.newTitle}
      </Heading>
      {access.canCreate ? (
        <>
          <Paragraph appearance="lead">{m.form.lead}</Paragraph>
          <DecisionForm onSaved={(view) => void navigate(`/verdeling/${view.id}`, { state: { created: true } })} />
        </>
      ) : (
        <Alert type="error" role="alert" heading={m.form.forbiddenTitle}>
          <Paragraph>{m.form.forbiddenBody}</Paragraph>
        </Alert>
      )}
    </>
  );
}
