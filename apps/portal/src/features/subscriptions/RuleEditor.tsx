import type { Ref } from 'react';
import { Field, Fieldset } from '../../components/Field';
import { fieldId } from '../../lib/forms';
import { useTranslation } from '../../lib/i18n/i18n';
import { CountryNames } from './CountryNames';
import { EMAIL_MODES, RULE_TYPES, ruleFields, type RuleDraft } from './rules';

interface Props {
  index: number;
  draft: RuleDraft;
  errors: Record<string, string>;
  onChange: (draft: RuleDraft) => void;
  onRemove: () => void;
  /** The rule's group takes focus after an add or a removal next to it. */
  groupRef: Ref<HTMLFieldSetElement>;
}

/** One rule: types, countries, urgent only, e-mail; every filter left empty matches all. */
export function RuleEditor({ index, draft, errors, onChange, onRemove, groupRef }: Props) {
  const { t } = useTranslation('subscriptions');
  const names = ruleFields(index);
  const number = index + 1;
  const set = (patch: Partial<RuleDraft>) => onChange({ ...draft, ...patch });
  return (
    <fieldset
      className="fieldset subscription-rule"
      ref={groupRef}
      tabIndex={-1}
      id={fieldId(`rules.${index}`)}
    >
      <legend>{t('rule.legend', { number })}</legend>
      <Fieldset
        name={names.types}
        legend={t('rule.types')}
        hint={t('rule.typesHint')}
        error={errors[names.types]}
      >
        {RULE_TYPES.map((type) => (
          <label key={type} className="choice">
            <input
              type="checkbox"
              name={names.types}
              value={type}
              checked={draft.types.includes(type)}
              onChange={(event) =>
                set({
                  types: event.target.checked
                    ? [...draft.types, type]
                    : draft.types.filter((other) => other !== type),
                })
              }
            />
            {t(`common:type.${type}`)}
          </label>
        ))}
      </Fieldset>
      <Field
        name={names.countries}
        label={t('rule.countries')}
        hint={t('rule.countriesHint')}
        error={errors[names.countries]}
      >
        {(control) => (
          <>
            <input
              {...control}
              aria-describedby={[control['aria-describedby'], `${control.id}-read`]
                .filter(Boolean)
                .join(' ')}
              type="text"
              name={names.countries}
              value={draft.countries}
              onChange={(event) => set({ countries: event.target.value })}
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              className="input-codes"
            />
            <CountryNames id={`${control.id}-read`} text={draft.countries} />
          </>
        )}
      </Field>
      <div className="field" data-invalid={errors[names.urgentOnly] ? 'true' : undefined}>
        {errors[names.urgentOnly] ? (
          <p className="field-error">{errors[names.urgentOnly]}</p>
        ) : null}
        <label className="choice">
          <input
            type="checkbox"
            id={fieldId(names.urgentOnly)}
            name={names.urgentOnly}
            checked={draft.urgentOnly}
            onChange={(event) => set({ urgentOnly: event.target.checked })}
          />
          {t('rule.urgentOnly')}
        </label>
      </div>
      <Field name={names.email} label={t('rule.email')} error={errors[names.email]}>
        {(control) => (
          <select
            {...control}
            name={names.email}
            value={draft.email}
            onChange={(event) => set({ email: event.target.value as RuleDraft['email'] })}
          >
            {EMAIL_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`rule.emailMode.${mode}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="button" className="button button-secondary" onClick={onRemove}>
        {t('rule.remove', { number })}
      </button>
    </fieldset>
  );
}
