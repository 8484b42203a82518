import { useMemo } from 'react';
import { PageHeading } from '../../components/PageHeading';
import { useTranslation } from '../../lib/i18n/i18n';
import { abilitiesOf, useMe } from '../../lib/session/hooks';
import { useTrainingLabels } from './labels';
import { MyRequests } from './MyRequests';
import { OfferCard } from './OfferCard';
import {
  useEnrolments,
  useLiveEnrolments,
  useMemberNames,
  useOfferBodies,
  useOffers,
  type OfferBody,
} from './queries';
import './training.css';

/** /training: published offers, the caller's requests, and for leads the requests to decide. */
export function TrainingPage() {
  const { t } = useTranslation('training');
  const labels = useTrainingLabels();
  const me = useMe();
  const abilities = abilitiesOf(me.data);
  const offers = useOffers();
  const members = useMemberNames();
  useLiveEnrolments();

  const summaries = useMemo(
    () => offers.data?.pages.flatMap((page) => page.items) ?? [],
    [offers.data],
  );
  const ids = useMemo(() => summaries.map((offer) => offer.id), [summaries]);
  const bodies = useOfferBodies(ids);
  const enrolments = useEnrolments(ids);
  const meId = me.data?.id;
  const mine = summaries.flatMap((offer, i) =>
    (enrolments[i]?.data ?? [])
      .filter((enrolment) => enrolment.userId === meId)
      .map((enrolment) => ({ offer, enrolment })),
  );

  return (
    <div className="training-page">
      <PageHeading title={t('title')}>{t('title')}</PageHeading>
      <p className="lede">{t('lede')}</p>
      {abilities.canAuthor || mine.length > 0 ? <MyRequests items={mine} labels={labels} /> : null}
      <section aria-labelledby="offers-title">
        <h2 id="offers-title">{t('offers')}</h2>
        {offers.isPending || me.isPending ? (
          <p className="loading" role="status">
            {t('common:loading')}
          </p>
        ) : offers.isError ? (
          <div className="alert" role="alert">
            <p>{t('loadFailed')}</p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void offers.refetch()}
            >
              {t('common:retry')}
            </button>
          </div>
        ) : summaries.length === 0 ? (
          <p className="notice">{t('none')}</p>
        ) : (
          <ul className="offer-list">
            {summaries.map((offer, i) => {
              const body = bodies[i]?.data?.body as OfferBody | undefined;
              return (
                <OfferCard
                  key={offer.id}
                  offer={offer}
                  body={body}
                  bodyFailed={bodies[i]?.isError ?? false}
                  enrolments={enrolments[i]?.data}
                  meId={meId}
                  canRequest={abilities.canAuthor}
                  observer={!abilities.canAuthor && abilities.teamIds.length > 0}
                  decides={abilities.leadTeamIds.includes(offer.teamId)}
                  providerName={body ? members.get(body.provider) : undefined}
                  labels={labels}
                />
              );
            })}
          </ul>
        )}
        {offers.hasNextPage ? (
          <button
            type="button"
            className="button button-secondary"
            aria-disabled={offers.isFetchingNextPage || undefined}
            onClick={() => {
              if (!offers.isFetchingNextPage) void offers.fetchNextPage();
            }}
          >
            {offers.isFetchingNextPage ? t('common:loading') : t('common:loadMore')}
          </button>
        ) : null}
      </section>
    </div>
  );
}
