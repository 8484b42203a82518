import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { ApiError } from '../../lib/api/problem';
import { fieldId } from '../../lib/forms';
import { useTranslation } from '../../lib/i18n/i18n';
import { formRefusal } from './refusal';
import {
  labelProblem,
  MAX_LABEL_LENGTH,
  useIssueTaxiiKey,
  type IssuedTaxiiKey,
} from './taxii-keys';

const FIELD = 'taxii.label';

/** "Issue key": a label, then POST; the secret goes up to the section, shown once. */
export function TaxiiKeyForm({
  teamId,
  onIssued,
}: {
  teamId: string;
  onIssued: (key: IssuedTaxiiKey) => void;
}) {
  const { t } = useTranslation('team');
  const issue = useIssueTaxiiKey(teamId);
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [alert, setAlert] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (issue.isPending) return;
    setAlert(null);
    const problem = labelProblem(label);
    setError(problem ? t(problem, { max: MAX_LABEL_LENGTH }) : undefined);
    if (problem) return;
    issue.mutate(label.trim(), {
      onSuccess: (key) => {
        setLabel('');
        onIssued(key);
      },
      onError: (failure) => {
        if (failure instanceof ApiError && failure.status === 409) {
          // The cap names its bound (`limit`); the other conflict is an inactive team.
          const limit = failure.problem.limit;
          setAlert(
            typeof limit === 'number' ? t('taxii.tooMany', { max: limit }) : t('taxii.inactive'),
          );
          return;
        }
        const refusal = formRefusal(failure, ['label'] as const, t, (e) => {
          if (e.status === 403) return { key: 'taxii.forbidden' };
          if (e.status === 404) return { key: 'taxii.teamGone' };
          return undefined;
        });
        setError(refusal.byField.label);
        setAlert(refusal.alert);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate className="team-form" aria-labelledby="taxii-issue-heading">
      <h3 id="taxii-issue-heading">{t('taxii.issueHeading')}</h3>
      <ErrorSummary items={error ? [{ fieldId: fieldId(FIELD), message: error }] : []} />
      {alert ? (
        <p className="alert" role="alert">
          {alert}
        </p>
      ) : null}
      <Field name={FIELD} label={t('taxii.label')} hint={t('taxii.labelHint')} error={error}>
        {(control) => (
          <input
            {...control}
            type="text"
            autoComplete="off"
            dir="auto"
            maxLength={MAX_LABEL_LENGTH}
            value={label}
            onChange={(event) => setLabel(event.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button" aria-disabled={issue.isPending || undefined}>
        {issue.isPending ? t('taxii.issuing') : t('taxii.issue')}
      </button>
    </form>
  );
}
