import { Field } from '../../components/Field';
import type { FieldErrors } from '../team';
import type { Capital } from './queries';
import { useTranslation } from '../../lib/i18n/i18n';

export type TeamField = 'name' | 'capitalId' | 'description';
export type TeamValues = Record<TeamField, string>;

interface Props {
  form: string;
  values: TeamValues;
  errors: FieldErrors<TeamField>;
  capitals: readonly Capital[];
  onChange: (field: TeamField, value: string) => void;
}

/** Name, capital and description: the same fields for a new team and an existing one. */
export function TeamFields({ form, values, errors, capitals, onChange }: Props) {
  const { t } = useTranslation('admin');
  return (
    <>
      <Field
        name={`${form}.name`}
        label={t('teams.name')}
        hint={t('teams.nameHint')}
        error={errors.name}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            dir="auto"
            maxLength={120}
            value={values.name}
            onChange={(event) => onChange('name', event.target.value)}
          />
        )}
      </Field>
      <Field
        name={`${form}.capitalId`}
        label={t('teams.capital')}
        hint={t('teams.capitalHint')}
        error={errors.capitalId}
      >
        {(control) => (
          <select
            {...control}
            value={values.capitalId}
            onChange={(event) => onChange('capitalId', event.target.value)}
          >
            <option value="">{t('choose')}</option>
            {capitals.map((capital) => (
              <option key={capital.id} value={capital.id}>
                {capital.name} ({capital.countryCode})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        name={`${form}.description`}
        label={t('teams.description')}
        hint={t('teams.descriptionHint')}
        error={errors.description}
      >
        {(control) => (
          <textarea
            {...control}
            dir="auto"
            rows={3}
            maxLength={2000}
            value={values.description}
            onChange={(event) => onChange('description', event.target.value)}
          />
        )}
      </Field>
    </>
  );
}

/** What the client checks before sending: keys of the admin catalogue. */
export function checkTeam(values: TeamValues): FieldErrors<TeamField> {
  return {
    ...(!values.name.trim() ? { name: 'check.teamNameRequired' } : {}),
    ...(!values.capitalId ? { capitalId: 'check.capitalRequired' } : {}),
  };
}
