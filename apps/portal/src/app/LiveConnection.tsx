import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useAnnouncer } from '../components/Announcer';
import { useTranslation } from '../lib/i18n/i18n';
import { liveEvents } from '../lib/live/events';
import { LiveStream } from '../lib/live/stream';
import { useSession } from '../lib/session/hooks';

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
    const live = new LiveStream({
      onNotification: (notification) => {
        void queryClient.invalidateQueries({ queryKey: ['notifications'] });
        liveEvents.publish(notification);
        const { announce: say, t: tr } = handlers.current;
        if (notification.urgent)
          say(tr('live.newUrgent', { title: notification.title }), 'assertive');
        else say(tr('live.newNotification', { title: notification.title }), 'polite');
      },
      onState: (state) => liveEvents.setState(state),
    });
    stream.current = live;
    startedAt.current = generation;
    live.start();
    return () => {
      live.stop();
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
