import { Link } from 'react-router';
import { useTranslation } from '../../lib/i18n/i18n';
import { CreateUserForm } from './CreateUserForm';
import { useUsers } from './queries';
import { UserEditor } from './UserEditor';

/** Users: the list (paged) and the form for a new account, or one user's editor. */
export function UsersSection({ userId }: { userId: string | null }) {
  if (userId) return <UserEditor key={userId} id={userId} />;
  return (
    <>
      <UsersList />
      <CreateUserForm />
    </>
  );
}

function UsersList() {
  const { t } = useTranslation('admin');
  const users = useUsers();
  const rows = users.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="users-heading">
      <h2 id="users-heading">{t('tab.users')}</h2>
      <p>
        <a href="#create-user-heading">{t('users.toCreate')}</a>
      </p>
      {users.isPending ? (
        <p className="loading" role="status">
          {t('common:loading')}
        </p>
      ) : users.isError ? (
        <div className="alert" role="alert">
          <p>{t('loadFailed')}</p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void users.refetch()}
          >
            {t('common:retry')}
          </button>
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('users.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('users.email')}</th>
                <th scope="col">{t('users.member')}</th>
                <th scope="col">{t('users.globalRole')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('users.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((user) => (
                <tr key={user.id}>
                  <th scope="row" dir="auto">
                    {user.displayName}
                  </th>
                  <td>
                    <bdi>{user.email}</bdi>
                  </td>
                  <td>
                    <bdi>{user.memberCode}</bdi>
                  </td>
                  <td>{t(`globalRole.${user.globalRole ?? 'none'}`)}</td>
                  <td>
                    <span className="tag" data-status={user.status}>
                      {t(`userStatus.${user.status}`)}
                    </span>
                  </td>
                  <td>
                    <Link to={`?tab=users&user=${user.id}`}>
                      {t('users.edit')}
                      <span className="visually-hidden">
                        {' '}
                        {t('whom', { name: user.displayName })}
                      </span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {users.hasNextPage ? (
        <button
          type="button"
          className="button button-secondary"
          aria-disabled={users.isFetchingNextPage || undefined}
          onClick={() => {
            if (!users.isFetchingNextPage) void users.fetchNextPage();
          }}
        >
          {users.isFetchingNextPage ? t('common:loading') : t('common:loadMore')}
        </button>
      ) : null}
    </section>
  );
}
