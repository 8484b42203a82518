import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useAnnouncer } from '../../components/Announcer';
import { formatDateTime } from '../../lib/format';
import { useTranslation } from '../../lib/i18n/i18n';
import { decisionRefusal, seatCount, type DecisionRefusal } from './offer-rules';
import { trainingKeys, useDecide, type Enrolment } from './queries';

interface Props {
  offerId: string;
  title: string;
  seats: number;
  enrolments: readonly Enrolment[];
}

/**
 * For the offering team's leads: every request with Accept and Decline. A refusal is read
 * against the requests as they are after it (read again at once), so the words say what
 * really stands in the way: seats taken, or a decision made meanwhile by another lead.
 */
export function LeadRequests({ offerId, title, seats, enrolments }: Props) {
  const { t, i18n } = useTranslation('training');
  const decide = useDecide(offerId);
  const queryClient = useQueryClient();
  const { announce } = useAnnouncer();
  const [refusal, setRefusal] = useState<{ name: string; why: DecisionRefusal } | null>(null);
  const headingId = `requests-${offerId}`;

  const explain = async (error: unknown, enrolment: Enrolment) => {
    const key = trainingKeys.enrolments(offerId);
    await queryClient.refetchQueries({ queryKey: key, exact: true });
    const fresh = queryClient.getQueryData<Enrolment[]>(key) ?? [...enrolments];
    const now = fresh.find((item) => item.id === enrolment.id);
    setRefusal({
      name: enrolment.displayName,
      why: decisionRefusal(error, now ?? enrolment, seatCount(seats, fresh)),
    });
  };

  const send = (enrolment: Enrolment, decision: 'accepted' | 'declined') => {
    if (decide.isPending) return;
    setRefusal(null);
    decide.mutate(
      { id: enrolment.id, decision },
      {
        onSuccess: () =>
          announce(
            t(decision === 'accepted' ? 'decide.accepted' : 'decide.declined', {
              name: enrolment.displayName,
              count: enrolment.seats,
            }),
          ),
        onError: (error) => void explain(error, enrolment),
      },
    );
  };

  return (
    <section className="offer-requests" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('decide.title')}</h4>
      {refusal ? <Refused name={refusal.name} why={refusal.why} /> : null}
      {enrolments.length === 0 ? (
        <p className="muted">{t('decide.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('decide.caption', { title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('decide.by')}</th>
                <th scope="col" className="number">
                  {t('decide.seats')}
                </th>
                <th scope="col">{t('decide.note')}</th>
                <th scope="col">{t('decide.asked')}</th>
                <th scope="col">{t('decide.status')}</th>
                <th scope="col">{t('decide.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {enrolments.map((enrolment) => (
                <tr key={enrolment.id}>
                  <th scope="row" dir="auto">
                    {enrolment.displayName}
                  </th>
                  <td className="number">{enrolment.seats}</td>
                  <td className="user-text" dir="auto">
                    {enrolment.note ?? ''}
                  </td>
                  <td>{formatDateTime(enrolment.createdAt, i18n.language)}</td>
                  <td>
                    <span className="tag" data-status={enrolment.status}>
                      {t(`status.${enrolment.status}`)}
                    </span>
                  </td>
                  <td>
                    {enrolment.status === 'pending' ? (
                      <div className="row">
                        {(['accepted', 'declined'] as const).map((decision) => (
                          <button
                            key={decision}
                            type="button"
                            className={
                              decision === 'accepted' ? 'button' : 'button button-secondary'
                            }
                            aria-disabled={decide.isPending || undefined}
                            onClick={() => send(enrolment, decision)}
                          >
                            {t(decision === 'accepted' ? 'decide.accept' : 'decide.decline')}
                            <span className="visually-hidden">
                              {' '}
                              {t('decide.whose', { name: enrolment.displayName })}
                            </span>
                          </button>
                        ))}
                      </div>
                    ) : enrolment.decidedAt ? (
                      formatDateTime(enrolment.decidedAt, i18n.language)
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Refused({ name, why }: { name: string; why: DecisionRefusal }) {
  const { t } = useTranslation('training');
  let text: string;
  switch (why.kind) {
    case 'decided':
      text = t('decide.decided', { name, status: why.status });
      break;
    case 'full':
      text =
        why.left === 0
          ? t('decide.full', { name, seats: why.seats, asked: why.asked })
          : t('decide.short', { name, seats: why.seats, left: why.left, asked: why.asked });
      break;
    case 'other':
      text = t(why.key, { detail: why.detail ?? '', seconds: 60 });
      break;
  }
  return (
    <p className="alert" role="alert">
      {text}
    </p>
  );
}
