import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { fieldId } from '../../lib/forms';
import { useTranslation } from '../../lib/i18n/i18n';
import { REPORT_STATUSES, REPORT_TYPES, TLPS } from './codes';
import { readFilterForm, type FilterFormErrors } from './filter-form';
import type { ReportFilters } from './filters';
import { countryOptions, ICAO_CODES } from './labels';
import { useTeams } from './queries';

interface Props {
  filters: ReportFilters;
  onApply: (filters: ReportFilters) => void;
}

/**
 * The search and filter form. Its fields start from the address (the parent remounts it
 * when the address changes, so back and forward refill it) and apply only on submit.
 */
export function FilterForm({ filters, onApply }: Props) {
  const { t, i18n } = useTranslation('reports');
  const { teams } = useTeams();
  const [errors, setErrors] = useState<FilterFormErrors>({});
  const countries = useMemo(
    () => [
      ...countryOptions(i18n.language),
      ...ICAO_CODES.map((code) => ({ code, name: t(`country.${code}`) })),
    ],
    [i18n.language, t],
  );

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
  const select = (
    name: string,
    label: string,
    value: string | undefined,
    options: Array<[string, string]>,
    any = t('list.any'),
  ) => (
    <Field name={name} label={label}>
      {(control) => (
        // Keyed by its options: the teams arrive after the first render, and an
        // uncontrolled select only takes its default value when it is created.
        <select {...control} key={options.length} name={name} defaultValue={value ?? ''}>
          <option value="">{any}</option>
          {options.map(([code, text]) => (
            <option key={code} value={code}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

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
        {select(
          'type',
          t('list.type'),
          filters.type,
          REPORT_TYPES.map((v) => [v, t(`common:type.${v}`)]),
        )}
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
        {select(
          'team',
          t('list.team'),
          filters.teamId,
          teams.map((team) => [
            team.id,
            team.active ? team.name : t('list.inactiveTeam', { name: team.name }),
          ]),
          t('list.anyTeam'),
        )}
        {select(
          'tlp',
          t('list.tlp'),
          filters.tlp,
          TLPS.map((v) => [v, `TLP:${v}`]),
        )}
        {select(
          'urgent',
          t('list.urgent'),
          filters.urgent === undefined ? undefined : String(filters.urgent),
          [
            ['true', t('list.urgentOnly')],
            ['false', t('list.notUrgent')],
          ],
        )}
        <Field
          name="country"
          label={t('list.country')}
          hint={t('list.countryHint')}
          error={error('country')}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              name="country"
              list="country-codes"
              defaultValue={filters.country ?? ''}
              autoCapitalize="characters"
              spellCheck={false}
              className="input-code"
            />
          )}
        </Field>
        <datalist id="country-codes">
          {countries.map((country) => (
            <option key={country.code} value={country.code} label={country.name} />
          ))}
        </datalist>
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
