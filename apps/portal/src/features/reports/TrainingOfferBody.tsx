import type { Schemas } from '../../lib/api/client';
import { formatDate, formatNumber } from '../../lib/format';
import { fieldId } from '../../lib/forms';
import { useTranslation } from '../../lib/i18n/i18n';
import { Facts, useDateRange, withCodes } from './body-parts';
import { useLabels } from './labels';
import { useMembers } from './queries';

type Body = Schemas['TrainingOfferBodyDto'];

export function TrainingOfferBody({ body }: { body: Body }) {
  const { t } = useTranslation('reports');
  const labels = useLabels();
  const range = useDateRange();
  const members = useMembers(true);
  const provider = members.get(body.provider);
  return (
    <Facts
      rows={[
        [t('body.topic'), labels.code('topic', body.topic)],
        [
          t('body.provider'),
          provider ? (
            <bdi key="provider">
              {withCodes((marks) => t('country.withCode', { name: provider, ...marks }), {
                code: body.provider,
              })}
            </bdi>
          ) : (
            <bdi key="provider">{body.provider}</bdi>
          ),
        ],
        [t('body.deliveryMode'), labels.code('deliveryMode', body.deliveryMode)],
        [
          t('body.location'),
          body.location ? (
            <span dir="auto">
              {t('body.locationValue', {
                city: body.location.city,
                country: labels.country(body.location.country),
              })}
            </span>
          ) : undefined,
        ],
        [t('body.dates'), range(body.startDate, body.endDate, formatDate)],
        [t('body.applicationDeadline'), formatDate(body.applicationDeadline, labels.language)],
        [t('body.seats'), formatNumber(body.seats, labels.language)],
        [t('body.languages'), (body.languages ?? []).map(labels.spokenLanguage).join(', ')],
        [
          t('body.eligibility'),
          body.eligibility ? (
            <span className="user-text" dir="auto" id={fieldId('body.eligibility')} tabIndex={-1}>
              {body.eligibility}
            </span>
          ) : undefined,
        ],
      ]}
    />
  );
}
