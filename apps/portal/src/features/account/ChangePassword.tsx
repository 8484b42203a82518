import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { api, unwrap } from '../../lib/api/client';
import { isApiError } from '../../lib/api/problem';
import { fieldErrorsOf, fieldId, placeErrors } from '../../lib/forms';
import { useTranslation } from '../../lib/i18n/i18n';
import { checkNewPassword, NewPasswordFields } from '../auth';

const FIELDS = ['currentPassword', 'newPassword'] as const;
type Errors = Partial<
  Record<'currentPassword' | 'newPassword' | 'newPasswordConfirmation', string>
>;

/**
 * POST /me/password. A wrong current password (403) and the server's 400 land on their
 * fields; on success this session stays and every other one of the user's has ended.
 */
export function ChangePassword() {
  const { t } = useTranslation('account');
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState(false);
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      unwrap(api.POST('/api/v1/me/password', { body })),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (change.isPending) return;
    setDone(false);
    const found = checkNewPassword(password, confirmation);
    const next: Errors = {};
    if (!current) next.currentPassword = t('password.currentRequired');
    if (found.password) next.newPassword = t(`auth:newPassword.problem.${found.password}`);
    if (found.confirmation)
      next.newPasswordConfirmation = t(`auth:newPassword.problem.${found.confirmation}`);
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    change.mutate(
      { currentPassword: current, newPassword: password },
      {
        onSuccess: () => setDone(true),
        onError: (failure) => {
          if (isApiError(failure, 403)) setErrors({ currentPassword: t('password.wrongCurrent') });
          else setErrors(placeErrors(fieldErrorsOf(failure), FIELDS).byField);
        },
        onSettled: () => {
          setCurrent('');
          setPassword('');
          setConfirmation('');
        },
      },
    );
  };

  const failedWithoutField =
    change.isError && !isApiError(change.error, 403) && fieldErrorsOf(change.error).length === 0;
  const summary = (Object.keys(errors) as Array<keyof Errors>).flatMap((name) =>
    errors[name] ? [{ fieldId: fieldId(name), message: errors[name] }] : [],
  );

  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">{t('password.heading')}</h2>
      <p>{t('password.explain')}</p>
      {/* Exists before the change, so its message is announced when it arrives. */}
      <div role="status" className={done ? 'notice' : undefined}>
        {done ? t('password.changed') : ''}
      </div>
      {failedWithoutField ? (
        <div className="alert" role="alert">
          {isApiError(change.error, 429) ? t('password.throttled') : t('common:error.generic')}
        </div>
      ) : null}
      <form onSubmit={submit} noValidate className="account-password">
        <ErrorSummary items={summary} />
        <Field name="currentPassword" label={t('password.current')} error={errors.currentPassword}>
          {(control) => (
            <input
              {...control}
              type="password"
              name="currentPassword"
              autoComplete="current-password"
              maxLength={256}
              value={current}
              onChange={(event) => setCurrent(event.target.value)}
            />
          )}
        </Field>
        <NewPasswordFields
          name="newPassword"
          password={password}
          confirmation={confirmation}
          onPassword={setPassword}
          onConfirmation={setConfirmation}
          errors={{ password: errors.newPassword, confirmation: errors.newPasswordConfirmation }}
        />
        <button type="submit" className="button" aria-disabled={change.isPending || undefined}>
          {change.isPending ? t('password.working') : t('password.submit')}
        </button>
      </form>
    </section>
  );
}
