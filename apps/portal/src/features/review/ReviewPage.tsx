import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useAnnouncer } from '../../components/Announcer';
import { PageHeading } from '../../components/PageHeading';
import { useTranslation } from '../../lib/i18n/i18n';
import { useLiveNotifications, type LiveNotification } from '../../lib/live/events';
import { abilitiesOf, useMe } from '../../lib/session/hooks';
import { RefusalNotice, reportKeys, useTeams, type Refusal, type ReportSummary } from '../reports';
import { TeamQueue } from './TeamQueue';
import './review.css';

/** /review (leads): what the officers of the caller's teams submitted, to publish or return. */
export function ReviewPage() {
  const { t } = useTranslation('review');
  const { data: me } = useMe();
  const { leadTeamIds } = abilitiesOf(me);
  const { names } = useTeams();
  const { announce, toast } = useAnnouncer();
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const [refused, setRefused] = useState<{ report: ReportSummary; refusal: Refusal } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  // A submission that arrives while the queue is open joins it without a reload.
  const onLive = useCallback(
    (notification: LiveNotification) => {
      if (notification.event === 'report.submitted')
        void queryClient.invalidateQueries({ queryKey: reportKeys.lists });
    },
    [queryClient],
  );
  useLiveNotifications(onLive);

  // The decided row leaves the queue: focus goes to the message that says what happened.
  useEffect(() => {
    if (done) noticeRef.current?.focus();
  }, [done]);

  const onDone = useCallback(
    (message: string) => {
      setRefused(null);
      setDone(message);
      announce(message, 'polite');
    },
    [announce],
  );
  const onRefused = useCallback(
    (report: ReportSummary, refusal: Refusal) => {
      setDone(null);
      if (refusal.kind === 'forbidden') toast(t('forbidden'), 'error');
      else if (refusal.kind === 'failed' || refusal.kind === 'gone') toast(t('failed'), 'error');
      else setRefused({ report, refusal });
    },
    [toast, t],
  );

  return (
    <div className="report-page">
      <PageHeading title={t('title')}>{t('title')}</PageHeading>
      <p className="lede">{t('lede')}</p>
      {done ? (
        <div className="notice" ref={noticeRef} tabIndex={-1}>
          <p dir="auto">{done}</p>
        </div>
      ) : null}
      {refused ? (
        <div className="review-refusal">
          <RefusalNotice
            refusal={refused.refusal}
            reportId={refused.report.id}
            canEdit={false}
            linkToFields={false}
            context={t('refusedFor', { title: refused.report.title })}
          />
        </div>
      ) : null}
      {leadTeamIds.map((teamId) => (
        <TeamQueue
          key={teamId}
          teamId={teamId}
          teamName={names.get(teamId) ?? me?.memberships.find((m) => m.teamId === teamId)?.teamName}
          withHeading={leadTeamIds.length > 1}
          onDone={onDone}
          onRefused={onRefused}
        />
      ))}
    </div>
  );
}
