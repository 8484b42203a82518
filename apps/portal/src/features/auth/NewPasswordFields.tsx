import { Field } from '../../components/Field';
import { fieldId } from '../../lib/forms';
import { useTranslation } from '../../lib/i18n/i18n';
import { MAX_PASSWORD, passwordStrength, STRENGTH_NAMES } from './password-strength';

interface Props {
  /** The request's field for the password (`newPassword`, `password`): errors and ids follow it. */
  name: string;
  password: string;
  confirmation: string;
  onPassword: (value: string) => void;
  onConfirmation: (value: string) => void;
  errors: { password?: string; confirmation?: string };
}

/**
 * A new password, its strength in words and as a meter while it is typed (the words in
 * a polite live region, so a screen reader hears each change of level), and the same
 * password again. Paste is allowed: password managers paste.
 */
export function NewPasswordFields(props: Props) {
  const { t } = useTranslation('auth');
  const { name, password } = props;
  const strength = passwordStrength(password);
  const id = fieldId(name);
  const word = password ? t(`newPassword.strength.${STRENGTH_NAMES[strength]}`) : '';

  return (
    <>
      <Field
        name={name}
        label={t('newPassword.label')}
        hint={t('newPassword.hint')}
        error={props.errors.password}
      >
        {(control) => (
          <input
            {...control}
            aria-describedby={[control['aria-describedby'], `${id}-strength`].join(' ').trim()}
            type="password"
            name={name}
            autoComplete="new-password"
            maxLength={MAX_PASSWORD}
            value={password}
            onChange={(event) => props.onPassword(event.target.value)}
          />
        )}
      </Field>
      <div className="password-strength">
        <span id={`${id}-strength-label`}>{t('newPassword.strengthLabel')}</span>
        <meter
          aria-labelledby={`${id}-strength-label`}
          min={0}
          max={4}
          low={1.5}
          high={2.5}
          optimum={4}
          value={password ? Math.max(strength, 0.25) : 0}
        />
        <span id={`${id}-strength`} aria-live="polite" aria-atomic="true">
          {word ? <strong>{word}</strong> : t('newPassword.strength.empty')}
        </span>
      </div>
      <Field
        name={`${name}Confirmation`}
        label={t('newPassword.confirm')}
        error={props.errors.confirmation}
      >
        {(control) => (
          <input
            {...control}
            type="password"
            name={`${name}Confirmation`}
            autoComplete="new-password"
            maxLength={MAX_PASSWORD}
            value={props.confirmation}
            onChange={(event) => props.onConfirmation(event.target.value)}
          />
        )}
      </Field>
    </>
  );
}
