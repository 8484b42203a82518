import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import { useTranslation } from '../../lib/i18n/i18n';
import { useMe } from '../../lib/session/hooks';
import { digestZones } from './rules';

/** The contract's defaults in words, and the digest's 07:00 in the user's own time zone. */
export function HowItWorks() {
  const { t } = useTranslation('subscriptions');
  const { data: me } = useMe();
  const capitals = useQuery({
    queryKey: ['capitals'],
    queryFn: () => unwrap(api.GET('/api/v1/capitals')),
    staleTime: 5 * 60_000,
    enabled: (me?.memberships.length ?? 0) > 0,
  });
  const zones = me ? digestZones(me.memberships, capitals.data?.items ?? []) : [];
  const digest =
    zones.length === 0
      ? t('how.digestGeneric')
      : zones[0] === 'UTC' && me?.memberships.length === 0
        ? t('how.digestUtc')
        : zones.length === 1
          ? t('how.digestZone', { zone: zones[0] })
          : t('how.digestZones', { zones: zones.join(', ') });
  return (
    <section aria-labelledby="how-heading" className="subscriptions-how">
      <h2 id="how-heading">{t('how.heading')}</h2>
      <ul>
        <li>{t('how.scope')}</li>
        <li>{t('how.match')}</li>
        <li>{t('how.defaults')}</li>
        <li>{t('how.urgent')}</li>
        <li>{t('how.email')}</li>
        <li>{digest}</li>
      </ul>
    </section>
  );
}
