import { useState } from 'react';
import { useAnnouncer } from '../../components/Announcer';
import { ConfirmDialog } from '../team';
import { useFormErrors } from './form';
import { useUpdateUser, type User } from './queries';

/**
 * Suspend (every session ends at once) or reactivate. The last active administrator
 * cannot be suspended: the server's 409 is explained with what to do first.
 */
export function UserStatus({ user, meId }: { user: User; meId: string | undefined }) {
  const form = useFormErrors('status', [] as const);
  const { t } = form;
  const { announce } = useAnnouncer();
  const update = useUpdateUser(user.id, meId);
  const [confirming, setConfirming] = useState(false);
  const active = user.status === 'active';

  const send = (status: 'active' | 'suspended') => {
    update.mutate(
      { status },
      {
        onSuccess: () =>
          announce(
            t(status === 'active' ? 'users.reactivated' : 'users.suspended', {
              name: user.displayName,
            }),
          ),
        onError: (error) =>
          form.refuse(error, (e) =>
            e.status === 409 ? { key: 'users.lastAdminSuspend' } : undefined,
          ),
        onSettled: () => setConfirming(false),
      },
    );
  };

  return (
    <section aria-labelledby="user-status-heading">
      <h3 id="user-status-heading">{t('users.status')}</h3>
      {form.top}
      <p>{t(active ? 'users.isActive' : 'users.isSuspended', { name: user.displayName })}</p>
      {active ? (
        <button type="button" className="button button-warning" onClick={() => setConfirming(true)}>
          {t('users.suspend')}
        </button>
      ) : (
        <button
          type="button"
          className="button"
          aria-disabled={update.isPending || undefined}
          onClick={() => {
            if (!update.isPending) send('active');
          }}
        >
          {t('users.reactivate')}
        </button>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('users.confirmSuspend', { name: user.displayName })}
        confirmLabel={t('users.confirmSuspendButton')}
        cancelLabel={t('common:cancel')}
        busy={update.isPending}
        onConfirm={() => send('suspended')}
        onCancel={() => setConfirming(false)}
      >
        <p>{t(user.id === meId ? 'users.confirmSuspendOwn' : 'users.confirmSuspendBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
