import { useEffect, useState } from 'react';
import { useTranslation } from '../../lib/i18n/i18n';
import { useLiveState } from '../../lib/live/events';

/** Short gaps (a token change, the first connect, a quick retry) are not worth a message. */
const HINT_DELAY_MS = 3000;

/**
 * Says when the inbox is not live. The status region is always in the page, so that the
 * hint is announced when it appears (a region added together with its text is not).
 */
export function LiveHint() {
  const { t } = useTranslation('inbox');
  const open = useLiveState() === 'open';
  const [shown, setShown] = useState(false);

  useEffect(() => {
    // Keyed on "open or not": a retry loop (connecting, paused, connecting...) keeps the timer.
    if (open) {
      setShown(false);
      return;
    }
    const timer = setTimeout(() => setShown(true), HINT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [open]);

  return (
    <div role="status" className={shown ? 'notice inbox-live' : 'inbox-live'}>
      {shown ? t('livePaused') : null}
    </div>
  );
}
