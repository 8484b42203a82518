import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { fieldId, placeErrors, fieldErrorsOf } from '../../lib/forms';
import { useTranslation } from '../../lib/i18n/i18n';
import {
  FILTER_NAMES,
  OUTCOMES,
  readAuditForm,
  type AuditFilters,
  type AuditFormErrors,
  type FilterName,
} from './filters';

/** The actions of the contract, offered as suggestions; any other `area.verb` is accepted. */
const KNOWN_ACTIONS = [
  'auth.login',
  'auth.refresh',
  'auth.logout',
  'auth.token_reuse',
  'user.create',
  'user.update',
  'user.password_change',
  'membership.set',
  'membership.remove',
  'invitation.create',
  'invitation.accept',
  'report.create',
  'report.update',
  'report.submit',
  'report.return',
  'report.publish',
  'report.withdraw',
  'report.read',
  'enrolment.create',
  'enrolment.decide',
  'webhook.set',
];

interface Props {
  filters: AuditFilters;
  /** The list's last failure: a 400 naming a filter lands on its field. */
  listError: unknown;
  onApply: (filters: AuditFilters) => void;
}

/**
 * Every filter of GET /audit-events. The fields start from the address (the page remounts
 * the form on every navigation, so back and forward refill it) and apply on submit only.
 */
export function AuditFilterForm({ filters, listError, onApply }: Props) {
  const { t } = useTranslation('audit');
  const [errors, setErrors] = useState<AuditFormErrors>({});
  const server = placeErrors(fieldErrorsOf(listError), FILTER_NAMES);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = readAuditForm(new FormData(event.currentTarget));
    setErrors(result.errors);
    if (result.filters) onApply(result.filters);
  };

  const local = (Object.keys(errors) as FilterName[]).map((name) => ({
    fieldId: fieldId(name),
    message: t(errors[name] ?? ''),
  }));
  const summary = local.length > 0 ? local : server.summary;
  const error = (name: FilterName) =>
    errors[name] ? t(errors[name]) : local.length === 0 ? server.byField[name] : undefined;

  const text = (name: FilterName, extra: { hint?: string; list?: string } = {}) => (
    <Field name={name} label={t(`filters.${name}`)} hint={extra.hint} error={error(name)}>
      {(control) => (
        <input
          {...control}
          type="text"
          name={name}
          list={extra.list}
          defaultValue={filters[name] ?? ''}
          spellCheck={false}
          autoComplete="off"
          className="input-code"
        />
      )}
    </Field>
  );

  return (
    <form className="audit-filters" role="search" onSubmit={submit} noValidate>
      <ErrorSummary items={summary} />
      <fieldset className="fieldset">
        <legend>{t('filters.legend')}</legend>
        <div className="audit-filter-grid">
          {text('actorId', { hint: t('filters.actorIdHint') })}
          {text('action', { hint: t('filters.actionHint'), list: 'audit-actions' })}
          {text('targetType', { hint: t('filters.targetTypeHint') })}
          {text('targetId')}
          <Field name="outcome" label={t('filters.outcome')} error={error('outcome')}>
            {(control) => (
              <select {...control} name="outcome" defaultValue={filters.outcome ?? ''}>
                <option value="">{t('filters.anyOutcome')}</option>
                {OUTCOMES.map((outcome) => (
                  <option key={outcome} value={outcome}>
                    {t(`outcome.${outcome}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {(['from', 'to'] as const).map((name) => (
            <Field
              key={name}
              name={name}
              label={t(`filters.${name}`)}
              hint={t('filters.dayHint')}
              error={error(name)}
            >
              {(control) => (
                <input {...control} type="date" name={name} defaultValue={filters[name] ?? ''} />
              )}
            </Field>
          ))}
        </div>
        <datalist id="audit-actions">
          {KNOWN_ACTIONS.map((action) => (
            <option key={action} value={action} />
          ))}
        </datalist>
      </fieldset>
      <div className="row">
        <button type="submit" className="button">
          {t('filters.apply')}
        </button>
        <Link to="/audit" className="button button-secondary">
          {t('filters.clear')}
        </Link>
      </div>
    </form>
  );
}
