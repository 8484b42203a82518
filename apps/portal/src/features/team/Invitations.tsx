import { useState } from 'react';
import { formatDateTime } from '../../lib/format';
import { useTranslation } from '../../lib/i18n/i18n';
import { InviteForm } from './InviteForm';
import { usePendingInvitations, type Invitation } from './queries';

interface Props {
  teamId: string;
  teamName: string;
}

/** Invite someone new, and see the team's invitations still waiting to be accepted. */
export function Invitations({ teamId, teamName }: Props) {
  const { t, i18n } = useTranslation('team');
  const [last, setLast] = useState<Invitation | null>(null);
  const pending = usePendingInvitations(teamId);
  const list = pending.data ?? [];

  return (
    <section aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">{t('invite.heading')}</h2>
      <p>{t('invite.intro', { team: teamName })}</p>
      {/* Present before the answer arrives, so the confirmation is announced. */}
      <div role="status" className={last ? 'notice' : undefined}>
        {last
          ? t('invite.sent', {
              email: last.email,
              until: formatDateTime(last.expiresAt, i18n.language),
            })
          : ''}
      </div>
      <InviteForm teamId={teamId} onSent={(invitation) => setLast(invitation)} />
      <h3 id="pending-heading">{t('invite.pending')}</h3>
      <p className="muted">{t('invite.pendingNote')}</p>
      {pending.isPending ? (
        <p>{t('invite.loading')}</p>
      ) : pending.isError ? (
        <p className="notice">{t('invite.loadFailed')}</p>
      ) : list.length === 0 ? (
        <p>{t('invite.nonePending')}</p>
      ) : (
        <div className="table-wrap">
          <table aria-labelledby="pending-heading">
            <thead>
              <tr>
                <th scope="col">{t('invite.displayName')}</th>
                <th scope="col">{t('invite.email')}</th>
                <th scope="col">{t('invite.role')}</th>
                <th scope="col">{t('invite.sentBy')}</th>
                <th scope="col">{t('invite.until')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((invitation) => (
                <tr key={invitation.id}>
                  <th scope="row" dir="auto">
                    {invitation.displayName}
                  </th>
                  <td>
                    <bdi>{invitation.email}</bdi>
                  </td>
                  <td>{t(`role.${invitation.role}`)}</td>
                  <td>
                    <span dir="auto">{invitation.invitedBy?.displayName ?? '—'}</span>{' '}
                    <span className="muted">
                      {formatDateTime(invitation.createdAt, i18n.language)}
                    </span>
                  </td>
                  <td>{formatDateTime(invitation.expiresAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
