import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '../../components/PageHeading';
import { useTranslation } from '../../lib/i18n/i18n';
import { CapitalsSection } from './CapitalsSection';
import { MembersSection } from './MembersSection';
import { TeamsSection } from './TeamsSection';
import { UsersSection } from './UsersSection';
import './admin.css';

const TABS = ['users', 'teams', 'capitals', 'members'] as const;
type Tab = (typeof TABS)[number];

/**
 * /administration (administrators; /admin stays the server's, for the queue dashboard): the network's accounts, teams, capitals and members, one
 * section at a time, chosen in the address (`?tab=users`, `&user=<id>`, `&team=<id>`).
 * Nothing here reads a report: administrators see no report content.
 */
export function AdminPage() {
  const { t } = useTranslation('admin');
  const [params] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = TABS.find((name) => name === asked) ?? 'users';

  return (
    <div className="admin-page">
      <PageHeading title={`${t('title')}: ${t(`tab.${tab}`)}`}>{t('title')}</PageHeading>
      <nav className="admin-tabs" aria-label={t('tabs')}>
        <ul>
          {TABS.map((name) => (
            <li key={name}>
              <Link to={`?tab=${name}`} aria-current={name === tab ? 'page' : undefined}>
                {t(`tab.${name}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {tab === 'users' ? (
        <UsersSection userId={params.get('user')} />
      ) : tab === 'teams' ? (
        <TeamsSection teamId={params.get('team')} />
      ) : tab === 'capitals' ? (
        <CapitalsSection />
      ) : (
        <MembersSection />
      )}
    </div>
  );
}
