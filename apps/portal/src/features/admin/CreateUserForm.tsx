import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Field, Fieldset } from '../../components/Field';
import { useFormErrors } from './form';
import { MemberSelect } from './MemberSelect';
import { useCreateUser, type User } from './queries';

const FIELDS = ['email', 'displayName', 'memberCode', 'globalRole', 'password'] as const;
const EMPTY = { email: '', displayName: '', memberCode: '', globalRole: '', password: '' };
type Values = typeof EMPTY;

/**
 * POST /users. Without a password the person is invited by e-mail and sets one
 * themself (the usual way); with one, they can sign in at once (tell them on another
 * channel). A taken address (409) is said on the e-mail field.
 */
export function CreateUserForm() {
  const form = useFormErrors('newUser', FIELDS);
  const { t, errors, nameOf } = form;
  const create = useCreateUser();
  const [values, setValues] = useState<Values>(EMPTY);
  const [withPassword, setWithPassword] = useState(false);
  const [created, setCreated] = useState<{ user: User; invited: boolean } | null>(null);
  const set = (field: keyof Values, value: string) => setValues((v) => ({ ...v, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const email = values.email.trim();
    const ok = form.check({
      ...(!email
        ? { email: t('check.emailRequired') }
        : !/^[^\s@]+@[^\s@]+$/.test(email)
          ? { email: t('check.emailInvalid') }
          : {}),
      ...(!values.displayName.trim() ? { displayName: t('check.nameRequired') } : {}),
      ...(!values.memberCode ? { memberCode: t('check.memberRequired') } : {}),
      ...(withPassword && values.password.length < 12
        ? { password: t('check.passwordShort') }
        : {}),
    });
    if (!ok) return;
    create.mutate(
      {
        email,
        displayName: values.displayName.trim(),
        memberCode: values.memberCode,
        ...(withPassword ? { password: values.password } : {}),
        ...(values.globalRole === 'admin' || values.globalRole === 'auditor'
          ? { globalRole: values.globalRole }
          : {}),
      },
      {
        onSuccess: (user) => {
          setCreated({ user, invited: !withPassword });
          setValues(EMPTY);
          setWithPassword(false);
        },
        onError: (error) =>
          form.refuse(error, (e) =>
            e.status === 409 ? { field: 'email', key: 'users.taken' } : undefined,
          ),
      },
    );
  };

  const text = (field: 'email' | 'displayName', type: string) => (
    <Field
      name={nameOf(field)}
      label={t(`users.${field}`)}
      hint={t(`users.${field}Hint`)}
      error={errors[field]}
    >
      {(control) => (
        <input
          {...control}
          type={type}
          autoComplete="off"
          dir={field === 'displayName' ? 'auto' : undefined}
          maxLength={field === 'email' ? 254 : 120}
          value={values[field]}
          onChange={(event) => set(field, event.target.value)}
        />
      )}
    </Field>
  );

  return (
    <section aria-labelledby="create-user-heading">
      <h2 id="create-user-heading" tabIndex={-1}>
        {t('users.create')}
      </h2>
      <div role="status" className={created ? 'notice' : undefined}>
        {created ? (
          <>
            {t(created.invited ? 'users.createdInvited' : 'users.createdPassword', {
              name: created.user.displayName,
              email: created.user.email,
            })}{' '}
            <Link to={`?tab=users&user=${created.user.id}`}>{t('users.openCreated')}</Link>
          </>
        ) : null}
      </div>
      <form onSubmit={submit} noValidate className="admin-form">
        {form.top}
        {text('email', 'email')}
        {text('displayName', 'text')}
        <MemberSelect
          name={nameOf('memberCode')}
          value={values.memberCode}
          error={errors.memberCode}
          onChange={(code) => set('memberCode', code)}
        />
        <Field
          name={nameOf('globalRole')}
          label={t('users.globalRole')}
          hint={t('users.globalRoleHint')}
          error={errors.globalRole}
        >
          {(control) => (
            <select
              {...control}
              value={values.globalRole}
              onChange={(event) => set('globalRole', event.target.value)}
            >
              <option value="">{t('globalRole.none')}</option>
              <option value="admin">{t('globalRole.admin')}</option>
              <option value="auditor">{t('globalRole.auditor')}</option>
            </select>
          )}
        </Field>
        <Fieldset name="newUser.passwordMode" legend={t('users.passwordLegend')}>
          <label className="choice">
            <input
              type="radio"
              name="new-user-password"
              checked={!withPassword}
              onChange={() => setWithPassword(false)}
            />
            {t('users.invite')}
          </label>
          <label className="choice">
            <input
              type="radio"
              name="new-user-password"
              checked={withPassword}
              onChange={() => setWithPassword(true)}
            />
            {t('users.setPassword')}
          </label>
        </Fieldset>
        {withPassword ? (
          <Field
            name={nameOf('password')}
            label={t('users.password')}
            hint={t('users.passwordHint')}
            error={errors.password}
          >
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="new-password"
                maxLength={256}
                value={values.password}
                onChange={(event) => set('password', event.target.value)}
              />
            )}
          </Field>
        ) : null}
        <button type="submit" className="button" aria-disabled={create.isPending || undefined}>
          {create.isPending ? t('saving') : t('users.submit')}
        </button>
      </form>
    </section>
  );
}
