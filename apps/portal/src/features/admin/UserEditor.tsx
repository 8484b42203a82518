import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Field } from '../../components/Field';
import { useTranslation } from '../../lib/i18n/i18n';
import { useMe } from '../../lib/session/hooks';
import { isApiError } from '../../lib/api/problem';
import { useFormErrors } from './form';
import { MemberSelect } from './MemberSelect';
import { useUpdateUser, useUser, type User, type UserChanges } from './queries';
import { UserStatus } from './UserStatus';

const FIELDS = ['displayName', 'memberCode', 'globalRole'] as const;

/** One user: name, member and global role (PATCH with what changed), and suspension. */
export function UserEditor({ id }: { id: string }) {
  const { t } = useTranslation('admin');
  const user = useUser(id);
  const { data: me } = useMe();

  if (user.isPending)
    return (
      <p className="loading" role="status">
        {t('common:loading')}
      </p>
    );
  // Inside this page (its h1 stays): an unknown or malformed id in the address.
  if (isApiError(user.error, 404) || isApiError(user.error, 400))
    return (
      <div className="notice">
        <p>{t('users.unknown')}</p>
        <Link to="?tab=users">{t('users.back')}</Link>
      </div>
    );
  if (user.isError)
    return (
      <div className="alert" role="alert">
        <p>{t('loadFailed')}</p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => void user.refetch()}
        >
          {t('common:retry')}
        </button>
      </div>
    );
  const own = user.data.id === me?.id;
  return (
    <section aria-labelledby="user-heading">
      <p>
        <Link to="?tab=users">{t('users.back')}</Link>
      </p>
      <h2 id="user-heading">
        <span dir="auto">{user.data.displayName}</span>
      </h2>
      <p>
        <bdi>{user.data.email}</bdi>
      </p>
      {own ? <p className="notice">{t('users.ownAccount')}</p> : null}
      <DetailsForm key={user.data.id} user={user.data} meId={me?.id} />
      <UserStatus user={user.data} meId={me?.id} />
    </section>
  );
}

function DetailsForm({ user, meId }: { user: User; meId: string | undefined }) {
  const form = useFormErrors('user', FIELDS);
  const { t, errors, nameOf } = form;
  const update = useUpdateUser(user.id, meId);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [memberCode, setMemberCode] = useState(user.memberCode);
  const [globalRole, setGlobalRole] = useState<string>(user.globalRole ?? '');
  const [saved, setSaved] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (update.isPending) return;
    setSaved(false);
    if (!form.check(displayName.trim() ? {} : { displayName: t('check.nameRequired') })) return;
    const role = globalRole === 'admin' || globalRole === 'auditor' ? globalRole : null;
    // Only what changed: each change is audited by name.
    const changes: UserChanges = {
      ...(displayName.trim() !== user.displayName ? { displayName: displayName.trim() } : {}),
      ...(memberCode !== user.memberCode ? { memberCode } : {}),
      ...(role !== user.globalRole ? { globalRole: role } : {}),
    };
    if (Object.keys(changes).length === 0) {
      setSaved(true);
      return;
    }
    update.mutate(changes, {
      onSuccess: () => setSaved(true),
      onError: (error) =>
        form.refuse(error, (e) =>
          e.status === 409 ? { field: 'globalRole', key: 'users.lastAdmin' } : undefined,
        ),
    });
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      className="admin-form"
      aria-labelledby="user-details-heading"
    >
      <h3 id="user-details-heading">{t('users.details')}</h3>
      <div role="status">{saved ? <p className="notice">{t('users.saved')}</p> : null}</div>
      {form.top}
      <Field name={nameOf('displayName')} label={t('users.displayName')} error={errors.displayName}>
        {(control) => (
          <input
            {...control}
            type="text"
            dir="auto"
            maxLength={120}
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
          />
        )}
      </Field>
      <MemberSelect
        name={nameOf('memberCode')}
        value={memberCode}
        error={errors.memberCode}
        onChange={setMemberCode}
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
            value={globalRole}
            onChange={(event) => setGlobalRole(event.target.value)}
          >
            <option value="">{t('globalRole.none')}</option>
            <option value="admin">{t('globalRole.admin')}</option>
            <option value="auditor">{t('globalRole.auditor')}</option>
          </select>
        )}
      </Field>
      <button type="submit" className="button" aria-disabled={update.isPending || undefined}>
        {update.isPending ? t('saving') : t('users.save')}
      </button>
    </form>
  );
}
