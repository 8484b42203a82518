import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { fieldId } from '../../lib/forms';
import { useTranslation } from '../../lib/i18n/i18n';
import { BORDER_TYPES, GROUPINGS, INDICATORS } from './codes';
import { countryChoices, type StatsLabels } from './labels';
import { readSeriesForm, type SeriesFormErrors, type SeriesView } from './series-view';

interface Props {
  view: SeriesView;
  /** The indicator on show (picked by default when the address names none). */
  indicator: string;
  labels: StatsLabels;
  onApply: (view: SeriesView) => void;
}

/**
 * Indicator, grouping and every filter of GET /statistics/series, as native controls.
 * The fields start from the address (the page remounts the form on each navigation, so
 * back and forward refill it) and apply on "Show".
 */
export function SeriesForm({ view, indicator, labels, onApply }: Props) {
  const { t } = useTranslation('statistics');
  const [errors, setErrors] = useState<SeriesFormErrors>({});
  const reporting = useMemo(() => countryChoices(labels.language, false, labels.country), [labels]);
  const nationalities = useMemo(
    () => countryChoices(labels.language, true, labels.country),
    [labels],
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = readSeriesForm(new FormData(event.currentTarget));
    setErrors(result.errors);
    if (result.view) onApply(result.view);
  };
  const error = (name: keyof SeriesFormErrors) => (errors[name] ? t(errors[name]) : undefined);
  const summary = (Object.keys(errors) as Array<keyof SeriesFormErrors>).map((name) => ({
    fieldId: fieldId(name),
    message: t(errors[name] ?? ''),
  }));

  return (
    <form className="stats-form" onSubmit={submit} noValidate aria-label={t('form.legend')}>
      <ErrorSummary items={summary} />
      <div className="stats-form-grid">
        <Field name="indicator" label={t('form.indicator')}>
          {(control) => (
            <select {...control} name="indicator" defaultValue={indicator}>
              {INDICATORS.map((code) => (
                <option key={code} value={code}>
                  {labels.indicator(code)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="groupBy" label={t('form.groupBy')}>
          {(control) => (
            <select {...control} name="groupBy" defaultValue={view.groupBy}>
              {GROUPINGS.map((code) => (
                <option key={code} value={code}>
                  {labels.grouping(code)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset className="fieldset stats-form-grid">
        <legend>{t('form.filters')}</legend>
        <Choice
          name="reportingCountry"
          label={t('form.reportingCountry')}
          value={view.reportingCountry}
        >
          {reporting.map((c) => (
            <option key={c.code} value={c.code}>
              {t('country.withCode', { name: c.name, code: c.code })}
            </option>
          ))}
        </Choice>
        <Choice name="nationality" label={t('form.nationality')} value={view.nationality}>
          {nationalities.map((c) => (
            <option key={c.code} value={c.code}>
              {t('country.withCode', { name: c.name, code: c.code })}
            </option>
          ))}
        </Choice>
        <Choice name="borderType" label={t('form.borderType')} value={view.borderType}>
          {BORDER_TYPES.map((code) => (
            <option key={code} value={code}>
              {t(`borderType.${code}`)}
            </option>
          ))}
        </Choice>
        {(['from', 'to'] as const).map((name) => (
          <Field
            key={name}
            name={name}
            label={t(`form.${name}`)}
            hint={t('form.monthHint')}
            error={error(name)}
          >
            {(control) => (
              // type=month gives a picker where the browser has one; elsewhere it is a
              // text field, and the YYYY-MM hint and the check on submit still hold.
              <input {...control} type="month" name={name} defaultValue={view[name] ?? ''} />
            )}
          </Field>
        ))}
      </fieldset>
      <div className="row">
        <button type="submit" className="button">
          {t('form.show')}
        </button>
        <Link
          to={`/statistics?indicator=${indicator}&groupBy=${view.groupBy}`}
          className="button button-secondary"
        >
          {t('form.clear')}
        </Link>
      </div>
    </form>
  );
}

function Choice(props: {
  name: string;
  label: string;
  value: string | undefined;
  children: ReactNode;
}) {
  const { t } = useTranslation('statistics');
  return (
    <Field name={props.name} label={props.label}>
      {(control) => (
        <select {...control} name={props.name} defaultValue={props.value ?? ''}>
          <option value="">{t('form.any')}</option>
          {props.children}
        </select>
      )}
    </Field>
  );
}
