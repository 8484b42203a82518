import { useState } from 'react';
import { formatDateTime } from '../../lib/format';
import { useTranslation } from '../../lib/i18n/i18n';
import { InviteForm } from './InviteForm';
import type { Invitation } from './queries';

interface Props {
  teamId: string;
  teamName: string;
  /** Sent from this page since it opened (the API lists no pending invitations). */
  sent: readonly Invitation[];
  onSent: (invitation: Invitation) => void;
}

/** Invite someone new, then see the invitations sent in this visit. */
export function Invitations({ teamId, teamName, sent, onSent }: Props) {
  const { t, i18n } = useTranslation('team');
  const [last, setLast] = useState<Invitation | null>(null);
  const mine = sent.filter((invitation) => invitation.teamId === teamId);

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
      <InviteForm
        teamId={teamId}
        onSent={(invitation) => {
          setLast(invitation);
          onSent(invitation);
        }}
      />
      <h3 id="pending-heading">{t('invite.pending')}</h3>
      <p className="muted">{t('invite.pendingNote')}</p>
      {mine.length === 0 ? (
        <p>{t('invite.noneSent')}</p>
      ) : (
        <div className="table-wrap">
          <table aria-labelledby="pending-heading">
            <thead>
              <tr>
                <th scope="col">{t('invite.displayName')}</th>
                <th scope="col">{t('invite.email')}</th>
                <th scope="col">{t('invite.role')}</th>
                <th scope="col">{t('invite.until')}</th>
              </tr>
            </thead>
            <tbody>
              {mine.map((invitation) => (
                <tr key={invitation.id}>
                  <th scope="row" dir="auto">
                    {invitation.displayName}
                  </th>
                  <td>
                    <bdi>{invitation.email}</bdi>
                  </td>
                  <td>{invitation.role ? t(`role.${invitation.role}`) : ''}</td>
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
