import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { fieldId } from '../../lib/forms';
import { useTranslation } from '../../lib/i18n/i18n';
import { REPORT_STATUSES, REPORT_TYPES, TLPS } from './codes';
import { CountryFilter, FilterSelect } from './FilterFields';
import { readFilterForm, type FilterFormErrors } from './filter-form';
import type { ReportFilters } from './filters';
import { useTeams } from './queries';

interface Props {
  filters: ReportFilters;
  onApply: (filters: ReportFilters) => void;
}

/**
 * The search and filter form. Its fields start from the address (the parent remounts it
 * on every navigation, so back and forward refill it) and apply only on submit.
 */
export function FilterForm({ filters, onApply }: Props) {
  const { t } = useTranslation('reports');
  const { teams } = useTeams();
  const [errors, setErrors] = useState<FilterFormErrors>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = readFilterForm(new FormData(event.currentTarget));
    setErrors(result.errors);
    if (result.filters) onApply(result.filters);
  };
  const error = (name: keyof FilterFormErrors) => (errors[name] ? t(errors[name]) : undefined);
  const summary = (Object.keys(errors) as Array<keyof FilterFormErrors>).map((name) => ({
    fieldId: fieldId(name),
    message: t(errors[name] ?? ''),
  }));
  const any = t('list.any');

  return (
    <form className="report-filters" role="search" onSubmit={submit} noValidate>
      <ErrorSummary items={summary} />
      <Field name="q" label={t('list.search')} hint={t('list.searchHint')}>
        {(control) => (
          <input
            {...control}
            type="search"
            name="q"
            defaultValue={filters.q ?? ''}
            maxLength={200}
          />
        )}
      </Field>
      <fieldset className="fieldset report-filter-grid">
        <legend>{t('list.filters')}</legend>
        <FilterSelect
          name="type"
          label={t('list.type')}
          value={filters.type}
          options={REPORT_TYPES.map((v) => [v, t(`common:type.${v}`)])}
          any={any}
        />
        <Field name="status" label={t('list.status')}>
          {(control) => (
            <select {...control} name="status" defaultValue={filters.status}>
              {REPORT_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`common:status.${status}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <FilterSelect
          name="team"
          label={t('list.team')}
          value={filters.teamId}
          options={teams.map((team) => [
            team.id,
            team.active ? team.name : t('list.inactiveTeam', { name: team.name }),
          ])}
          any={t('list.anyTeam')}
        />
        <FilterSelect
          name="tlp"
          label={t('list.tlp')}
          value={filters.tlp}
          options={TLPS.map((v) => [v, `TLP:${v}`])}
          any={any}
        />
        <FilterSelect
          name="urgent"
          label={t('list.urgent')}
          value={filters.urgent === undefined ? undefined : String(filters.urgent)}
          options={[
            ['true', t('list.urgentOnly')],
            ['false', t('list.notUrgent')],
          ]}
          any={any}
        />
        <CountryFilter value={filters.country} error={error('country')} />
        <Field name="from" label={t('list.from')} error={error('from')}>
          {(control) => (
            <input {...control} type="date" name="from" defaultValue={filters.from ?? ''} />
          )}
        </Field>
        <Field name="to" label={t('list.to')} error={error('to')}>
          {(control) => (
            <input {...control} type="date" name="to" defaultValue={filters.to ?? ''} />
          )}
        </Field>
      </fieldset>
      <div className="row">
        <button type="submit" className="button">
          {t('list.apply')}
        </button>
        <Link to="/reports" className="button button-secondary">
          {t('list.clear')}
        </Link>
      </div>
    </form>
  );
}
