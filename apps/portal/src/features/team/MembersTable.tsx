import { useEffect, useRef, useState } from 'react';
import { useAnnouncer } from '../../components/Announcer';
import { useTranslation } from '../../lib/i18n/i18n';
import { ConfirmDialog } from './ConfirmDialog';
import { membershipRefusal } from './refusal';
import { useRemoveMember, useSetRole, type TeamMember, type TeamRole } from './queries';

interface Props {
  teamId: string;
  teamName: string;
  members: readonly TeamMember[];
  meId: string | undefined;
  /** Administrators set any role, leads included; a lead only officers and observers. */
  asAdmin: boolean;
}

const ROLES: TeamRole[] = ['lead', 'officer', 'observer'];

/**
 * The team's members, leads first, with the changes the caller may make on each row. The
 * caller's own row has none (nobody changes their own membership), nor, for a lead, the
 * rows of other leads (only administrators change a lead): each says why instead.
 */
export function MembersTable({ teamId, teamName, members, meId, asAdmin }: Props) {
  const { t } = useTranslation('team');
  const { announce } = useAnnouncer();
  const setRole = useSetRole(teamId);
  const remove = useRemoveMember(teamId);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [removing, setRemoving] = useState<TeamMember | null>(null);
  const busy = setRole.isPending || remove.isPending;
  const tableRef = useRef<HTMLTableElement>(null);
  // A changed row gets other buttons and may move in the order (leads, officers, observers):
  // once the list shows the new role, a focus lost with them goes back to the row's first.
  const refocus = useRef<{ userId: string; role: TeamRole } | null>(null);
  useEffect(() => {
    const wanted = refocus.current;
    if (!wanted) return;
    if (members.find((member) => member.userId === wanted.userId)?.role !== wanted.role) return;
    refocus.current = null;
    const active = document.activeElement;
    if (active !== null && active !== document.body) return;
    tableRef.current
      ?.querySelector<HTMLButtonElement>(`tr[data-user="${CSS.escape(wanted.userId)}"] button`)
      ?.focus();
  }, [members]);

  // A removed row takes its buttons (and the dialog's way back) with it: once the list no
  // longer holds it, the keyboard goes to the row now in its place, else the one before it,
  // else the table's heading, never the page body.
  const removed = useRef<{ userId: string; index: number } | null>(null);
  useEffect(() => {
    // Both must have happened, in either order: the dialog closed and the list lost the row.
    const gone = removed.current;
    if (!gone || removing !== null || members.some((member) => member.userId === gone.userId))
      return;
    // After the dialog has handed focus back (to a button that may be gone by now).
    const timer = window.setTimeout(() => {
      removed.current = null;
      // Someone who has moved on (a link, another field) keeps their place.
      const active = document.activeElement;
      const lost =
        active === null ||
        active === document.body ||
        !active.isConnected ||
        active.closest('dialog:not([open])') !== null ||
        active.closest(`tr[data-user="${CSS.escape(gone.userId)}"]`) !== null;
      if (!lost) return;
      const rows = [...(tableRef.current?.querySelectorAll<HTMLTableRowElement>('tbody tr') ?? [])];
      const at = gone.index < 0 ? rows.length : gone.index;
      const candidates = [...rows.slice(at), ...rows.slice(0, at).reverse()];
      const target = candidates
        .map((tr) => tr.querySelector<HTMLButtonElement>('button'))
        .find((button) => button !== null);
      if (target) {
        target.focus();
        return;
      }
      const heading = tableRef.current?.closest('section')?.querySelector<HTMLElement>('h2');
      if (heading) {
        heading.tabIndex = -1;
        heading.focus();
      }
    }, 0);
    return () => window.clearTimeout(timer);
  }, [members, removing]);

  const change = (member: TeamMember, role: TeamRole) => {
    if (busy) return;
    setRefusal(null);
    setRole.mutate(
      { userId: member.userId, role },
      {
        onSuccess: () => {
          refocus.current = { userId: member.userId, role };
          announce(
            t('members.changed', { name: member.displayName, role: t(`roleInline.${role}`) }),
          );
        },
        onError: (error) =>
          setRefusal(
            t(
              membershipRefusal(error, {
                userId: member.userId,
                meId,
                role,
                previous: member.role,
                asAdmin,
              }),
              {
                name: member.displayName,
              },
            ),
          ),
      },
    );
  };

  const confirmRemove = () => {
    const member = removing;
    if (!member || busy) return;
    setRefusal(null);
    remove.mutate(member.userId, {
      onSuccess: () => {
        removed.current = {
          userId: member.userId,
          index: members.findIndex((m) => m.userId === member.userId),
        };
        announce(t('members.removed', { name: member.displayName, team: teamName }));
      },
      onError: (error) =>
        setRefusal(
          t(
            membershipRefusal(error, {
              userId: member.userId,
              meId,
              previous: member.role,
              asAdmin,
            }),
            {
              name: member.displayName,
            },
          ),
        ),
      onSettled: () => setRemoving(null),
    });
  };

  const why = (member: TeamMember): string | null => {
    if (member.userId === meId) return asAdmin ? t('members.ownAdmin') : t('members.own');
    if (!asAdmin && member.role === 'lead') return t('members.leadUntouchable');
    return null;
  };

  return (
    <>
      {refusal ? (
        <p className="alert" role="alert">
          {refusal}
        </p>
      ) : null}
      {members.length === 0 ? (
        <p className="muted">{t('members.none')}</p>
      ) : (
        <div className="table-wrap">
          <table ref={tableRef}>
            <caption className="visually-hidden">
              {t('members.caption', { team: teamName })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('members.name')}</th>
                <th scope="col">{t('members.member')}</th>
                <th scope="col">{t('members.role')}</th>
                <th scope="col">{t('members.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => {
                const reason = why(member);
                const others = ROLES.filter(
                  (role) => role !== member.role && (asAdmin || role !== 'lead'),
                );
                return (
                  <tr key={member.userId} data-user={member.userId}>
                    <th scope="row">
                      <span dir="auto">{member.displayName}</span>
                      {member.userId === meId ? ` ${t('members.you')}` : null}
                    </th>
                    <td>
                      <bdi>{member.memberCode}</bdi>
                    </td>
                    <td>{t(`role.${member.role}`)}</td>
                    <td>
                      {reason ? (
                        <span className="muted">{reason}</span>
                      ) : (
                        <div className="row">
                          {/* Keyed by place: the button pressed stays, with its new text. */}
                          {others.map((role, index) => (
                            <button
                              key={index}
                              type="button"
                              className="button button-secondary"
                              aria-disabled={busy || undefined}
                              onClick={() => change(member, role)}
                            >
                              {t(`members.make.${role}`)}
                              <span className="visually-hidden">
                                {' '}
                                {t('members.whom', { name: member.displayName })}
                              </span>
                            </button>
                          ))}
                          <button
                            type="button"
                            className="button button-warning"
                            aria-disabled={busy || undefined}
                            onClick={() => setRemoving(member)}
                          >
                            {t('members.remove')}
                            <span className="visually-hidden">
                              {' '}
                              {t('members.whom', { name: member.displayName })}
                            </span>
                          </button>
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={t('members.confirmTitle', {
          name: removing?.displayName ?? '',
          team: teamName,
        })}
        confirmLabel={t('members.confirmRemove')}
        cancelLabel={t('common:cancel')}
        busy={remove.isPending}
        onConfirm={confirmRemove}
        onCancel={() => setRemoving(null)}
      >
        <p>{t('members.confirmBody')}</p>
      </ConfirmDialog>
    </>
  );
}
