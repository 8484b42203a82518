import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import { useTranslation } from '../../lib/i18n/i18n';
import type { Me } from '../../lib/session/hooks';

/** Member names change rarely; the same list (and cache key) the report views use. */
function useMemberName(code: string): string | undefined {
  const { data } = useQuery({
    queryKey: ['members'],
    queryFn: () => unwrap(api.GET('/api/v1/members')),
    staleTime: 5 * 60_000,
  });
  return data?.items.find((member) => member.code === code)?.name;
}

/** Who the portal thinks you are: what GET /me says, roles in words. */
export function Profile({ me }: { me: Me }) {
  const { t } = useTranslation('account');
  const memberName = useMemberName(me.memberCode);
  const code = <bdi>{me.memberCode}</bdi>;
  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('profile.heading')}</h2>
      <dl className="summary-list">
        <dt>{t('profile.displayName')}</dt>
        <dd dir="auto">{me.displayName}</dd>
        <dt>{t('profile.email')}</dt>
        <dd>
          <bdi>{me.email}</bdi>
        </dd>
        <dt>{t('profile.member')}</dt>
        <dd>
          {memberName ? (
            <>
              <span dir="auto">{memberName}</span> ({code})
            </>
          ) : (
            code
          )}
        </dd>
        <dt>{t('profile.globalRole')}</dt>
        <dd>{t(`profile.role.${me.globalRole ?? 'none'}`)}</dd>
        <dt>{t('profile.teams')}</dt>
        <dd>
          {me.memberships.length === 0 ? (
            t('profile.noTeams')
          ) : (
            <ul className="account-teams">
              {me.memberships.map((membership) => (
                <li key={membership.teamId}>
                  <span dir="auto">{membership.teamName}</span>
                  {': '}
                  {t(`profile.teamRole.${membership.role}`)}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <p className="muted">{t('profile.changes')}</p>
    </section>
  );
}
