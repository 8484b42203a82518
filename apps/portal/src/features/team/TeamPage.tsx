import { useSearchParams } from 'react-router';
import { PageHeading } from '../../components/PageHeading';
import { useTranslation } from '../../lib/i18n/i18n';
import { useMe } from '../../lib/session/hooks';
import { Invitations } from './Invitations';
import { useLiveTeamChanges } from './queries';
import { TeamMembersManager } from './TeamMembersManager';
import { TaxiiKeysSection } from './TaxiiKeysSection';
import { TeamPicker } from './TeamPicker';
import { WebhookSection } from './WebhookSection';
import './team.css';

/**
 * /team (leads): for one of the teams the caller leads, chosen in the address
 * (`?team=<id>`), its members, invitations, webhook and TAXII keys.
 */
export function TeamPage() {
  const { t } = useTranslation('team');
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  useLiveTeamChanges();

  const teams = (me?.memberships ?? []).filter((m) => m.role === 'lead');
  const wanted = params.get('team');
  const team = teams.find((m) => m.teamId === wanted) ?? teams[0];

  return (
    <div className="team-page">
      <PageHeading title={team ? `${t('title')}: ${team.teamName}` : t('title')}>
        {t('title')}
      </PageHeading>
      {!team ? (
        <p className="notice">{t('noTeam')}</p>
      ) : (
        <>
          {teams.length > 1 ? (
            <TeamPicker
              key={`pick-${team.teamId}`}
              teams={teams}
              current={team.teamId}
              onPick={(teamId) => setParams({ team: teamId })}
            />
          ) : null}
          <p className="lede">{t('lede', { team: team.teamName })}</p>
          <TeamMembersManager
            key={`members-${team.teamId}`}
            teamId={team.teamId}
            teamName={team.teamName}
            meId={me?.id}
            asAdmin={false}
          />
          <Invitations
            key={`invite-${team.teamId}`}
            teamId={team.teamId}
            teamName={team.teamName}
          />
          <WebhookSection
            key={`hook-${team.teamId}`}
            teamId={team.teamId}
            teamName={team.teamName}
          />
          <TaxiiKeysSection
            key={`taxii-${team.teamId}`}
            teamId={team.teamId}
            teamName={team.teamName}
          />
        </>
      )}
    </div>
  );
}
