import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useAnnouncer } from '../components/Announcer';
import { useTranslation } from '../lib/i18n/i18n';
import { liveEvents, type LiveNotification } from '../lib/live/events';
import { LiveStream } from '../lib/live/stream';
import { useSession } from '../lib/session/hooks';

const BATCH_MS = 250;

type Translate = ReturnType<typeof useTranslation>['t'];

/** One arrival is named; several are counted (urgent ones assertively, apart from the rest). */
function announcements(
  arrived: LiveNotification[],
  t: Translate,
): Array<{ text: string; politeness: 'polite' | 'assertive' }> {
  const urgent = arrived.filter((n) => n.urgent);
  const ordinary = arrived.filter((n) => !n.urgent);
  const out: Array<{ text: string; politeness: 'polite' | 'assertive' }> = [];
  if (urgent.length === 1 && urgent[0])
    out.push({ text: t('live.newUrgent', { title: urgent[0].title }), politeness: 'assertive' });
  else if (urgent.length > 1)
    out.push({
      text: t('liveManyUrgent', { ns: 'inbox', count: urgent.length }),
      politeness: 'assertive',
    });
  if (ordinary.length === 1 && ordinary[0])
    out.push({
      text: t('live.newNotification', { title: ordinary[0].title }),
      politeness: 'polite',
    });
  else if (ordinary.length > 1)
    out.push({
      text: t('liveMany', { ns: 'inbox', count: ordinary.length }),
      politeness: 'polite',
    });
  return out;
}

/**
 * Holds the tab's live stream while signed in: every notification refreshes the inbox
 * queries and is announced (assertively when urgent); a new access token reconnects
 * the stream, resuming after the last event it saw.
 */
export function LiveConnection() {
  const { status, generation } = useSession();
  const queryClient = useQueryClient();
  const { announce } = useAnnouncer();
  const { t } = useTranslation();
  const stream = useRef<LiveStream | null>(null);
  const startedAt = useRef(0);
  const handlers = useRef({ announce, t });
  handlers.current = { announce, t };

  useEffect(() => {
    if (status !== 'signed-in') return;
    // A resume can replay many rows at once: one refetch and one message per burst, not one
    // per row (each refetch would cancel the last, and each message would drown the last).
    let batch: LiveNotification[] = [];
    let flushTimer: ReturnType<typeof setTimeout> | undefined;
    let missedSome = false;
    const flush = () => {
      flushTimer = undefined;
      const arrived = batch;
      batch = [];
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
      const { announce: say, t: tr } = handlers.current;
      for (const message of announcements(arrived, tr)) say(message.text, message.politeness);
    };
    const live = new LiveStream({
      onNotification: (notification) => {
        liveEvents.publish(notification);
        batch.push(notification);
        flushTimer ??= setTimeout(flush, BATCH_MS);
      },
      onState: (state) => {
        liveEvents.setState(state);
        // What was created while the stream was down (or not yet open) is replayed only after
        // an id it had sent: reading the lists again on a reconnect catches up either way.
        if (state === 'open' && missedSome)
          void queryClient.invalidateQueries({ queryKey: ['notifications'] });
        // Any later opening follows a gap: a drop, or a new token (reconnect()).
        if (state === 'open' || state === 'paused') missedSome = true;
      },
    });
    stream.current = live;
    startedAt.current = generation;
    live.start();
    return () => {
      live.stop();
      clearTimeout(flushTimer);
      stream.current = null;
      liveEvents.setState('paused');
    };
    // Started once per sign-in; a later token is taken up by reconnect() below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status, queryClient]);

  useEffect(() => {
    if (generation > startedAt.current) stream.current?.reconnect();
  }, [generation]);

  return null;
}
