import { useTranslation } from '../../lib/i18n/i18n';
import { AddPerson } from './AddPerson';
import { MembersTable } from './MembersTable';
import { useTeamMembers } from './queries';

interface Props {
  teamId: string;
  teamName: string;
  meId: string | undefined;
  /** An administrator's view: every role, leads included. */
  asAdmin: boolean;
  /** 2 on the Team page; 3 inside an administrator's team section. */
  level?: 2 | 3;
}

/** A team's members and the way to add someone: the lead's Team page and the administrators' alike. */
export function TeamMembersManager({ teamId, teamName, meId, asAdmin, level = 2 }: Props) {
  const { t } = useTranslation('team');
  const members = useTeamMembers(teamId);
  const H = level === 2 ? 'h2' : 'h3';
  const membersId = `members-${teamId}`;
  const addId = `add-heading-${teamId}`;

  return (
    <>
      <section aria-labelledby={membersId}>
        <H id={membersId}>{t('members.heading')}</H>
        {members.isPending ? (
          <p className="loading" role="status">
            {t('common:loading')}
          </p>
        ) : members.isError ? (
          <div className="alert" role="alert">
            <p>{t('members.loadFailed')}</p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void members.refetch()}
            >
              {t('common:retry')}
            </button>
          </div>
        ) : (
          <MembersTable
            teamId={teamId}
            teamName={teamName}
            members={members.data}
            meId={meId}
            asAdmin={asAdmin}
          />
        )}
      </section>
      <section aria-labelledby={addId}>
        <H id={addId}>{t('add.heading')}</H>
        <p>{asAdmin ? t('add.introAdmin') : t('add.intro')}</p>
        <AddPerson
          teamId={teamId}
          teamName={teamName}
          members={members.data ?? []}
          meId={meId}
          asAdmin={asAdmin}
        />
      </section>
    </>
  );
}
