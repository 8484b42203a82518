import { useMemo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from '../../lib/i18n/i18n';
import { CreateTeamForm } from './CreateTeamForm';
import { useCapitals, useTeams } from './queries';
import { TeamDetail } from './TeamDetail';

/** Teams: every team (inactive ones too) and a form for a new one, or one team's page. */
export function TeamsSection({ teamId }: { teamId: string | null }) {
  const { t } = useTranslation('admin');
  const teams = useTeams();
  const capitals = useCapitals();
  const capitalName = useMemo(
    () => new Map((capitals.data ?? []).map((c) => [c.id, `${c.name} (${c.countryCode})`])),
    [capitals.data],
  );

  if (teamId) {
    const team = teams.data?.find((item) => item.id === teamId);
    if (teams.isPending)
      return (
        <p className="loading" role="status">
          {t('common:loading')}
        </p>
      );
    if (!team)
      return (
        <div className="notice">
          <p>{t('teams.unknown')}</p>
          <Link to="?tab=teams">{t('teams.back')}</Link>
        </div>
      );
    return <TeamDetail key={team.id} team={team} capitals={capitals.data ?? []} />;
  }

  return (
    <>
      <section aria-labelledby="teams-heading">
        <h2 id="teams-heading">{t('tab.teams')}</h2>
        <p>
          <a href="#create-team-heading">{t('teams.toCreate')}</a>
        </p>
        {teams.isPending ? (
          <p className="loading" role="status">
            {t('common:loading')}
          </p>
        ) : teams.isError ? (
          <div className="alert" role="alert">
            <p>{t('loadFailed')}</p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void teams.refetch()}
            >
              {t('common:retry')}
            </button>
          </div>
        ) : teams.data.length === 0 ? (
          <p className="muted">{t('teams.none')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('teams.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('teams.name')}</th>
                  <th scope="col">{t('teams.capital')}</th>
                  <th scope="col">{t('teams.status')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('users.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {teams.data.map((team) => (
                  <tr key={team.id}>
                    <th scope="row" dir="auto">
                      {team.name}
                    </th>
                    <td dir="auto">{capitalName.get(team.capitalId) ?? ''}</td>
                    <td>
                      <span className="tag">
                        {t(team.active ? 'teams.active' : 'teams.inactive')}
                      </span>
                    </td>
                    <td>
                      <Link to={`?tab=teams&team=${team.id}`}>
                        {t('teams.manage')}
                        <span className="visually-hidden"> {t('whom', { name: team.name })}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <CreateTeamForm capitals={capitals.data ?? []} />
    </>
  );
}
