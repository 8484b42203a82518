import { Fragment, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useAnnouncer } from '../../components/Announcer';
import { useTranslation } from '../../lib/i18n/i18n';
import type { TrainingLabels } from './labels';
import { LeadRequests } from './LeadRequests';
import { deadlinePassed, seatCount } from './offer-rules';
import type { Enrolment, OfferBody, OfferSummary } from './queries';
import { RequestForm } from './RequestForm';

interface Props {
  offer: OfferSummary;
  body: OfferBody | undefined;
  bodyFailed: boolean;
  enrolments: readonly Enrolment[] | undefined;
  meId: string | undefined;
  /** An officer or lead of some team (the server's rule for asking). */
  canRequest: boolean;
  /** A member of some team, as observer only: the words say why there is no form. */
  observer: boolean;
  /** A lead of the offering team: sees every request and decides. */
  decides: boolean;
  providerName: string | undefined;
  labels: TrainingLabels;
}

/** One published offer: its facts, the caller's request or the form to ask, and for its leads the requests. */
export function OfferCard(props: Props) {
  const { offer, body, enrolments, meId, labels } = props;
  const { t } = useTranslation('training');
  const { announce } = useAnnouncer();
  const [refusal, setRefusal] = useState('');
  const own = enrolments?.find((e) => e.userId === meId);
  const headingId = `offer-${offer.id}`;
  const closed = body ? deadlinePassed(body.applicationDeadline, new Date()) : false;

  let action: ReactNode;
  if (own)
    action = (
      <p className="offer-own">
        {t('yours', {
          count: own.seats,
          date: labels.date(own.createdAt),
          status: t(`status.${own.status}`),
        })}
      </p>
    );
  else if (!body || !enrolments) action = null;
  else if (closed)
    action = (
      <p className="notice">{t('closed', { date: labels.date(body.applicationDeadline) })}</p>
    );
  else if (!props.canRequest)
    action = <p className="notice">{t(props.observer ? 'request.observer' : 'request.cannot')}</p>;
  else
    action = (
      <RequestForm
        offerId={offer.id}
        deadline={labels.date(body.applicationDeadline)}
        onRefused={setRefusal}
        onSent={(seats) => announce(t('request.sent', { count: seats, title: offer.title }))}
      />
    );

  return (
    <li className="offer">
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="offer-title">
          <Link to={`/reports/${offer.id}`} dir="auto">
            {offer.title}
          </Link>
        </h3>
        {offer.summary ? (
          <p className="user-text" dir="auto">
            {offer.summary}
          </p>
        ) : null}
        <div className="offer-body">
          {body ? (
            <OfferFacts {...props} body={body} />
          ) : props.bodyFailed ? (
            <p className="alert" role="alert">
              {t('offerFailed')}
            </p>
          ) : (
            <p className="loading">{t('common:loading')}</p>
          )}
          <div className="offer-action">
            {refusal ? (
              <p className="alert" role="alert">
                {refusal}
              </p>
            ) : null}
            {action}
          </div>
        </div>
        {props.decides && body && enrolments ? (
          <LeadRequests
            offerId={offer.id}
            title={offer.title}
            seats={body.seats}
            enrolments={enrolments}
          />
        ) : null}
      </article>
    </li>
  );
}

function OfferFacts({
  body,
  enrolments,
  decides,
  providerName,
  labels,
}: Props & { body: OfferBody }) {
  const { t } = useTranslation('training');
  const count = decides && enrolments ? seatCount(body.seats, enrolments) : null;
  const rows: Array<[string, ReactNode]> = [
    [t('fact.topic'), labels.code('topic', body.topic)],
    [
      t('fact.provider'),
      providerName ? t('withCode', { name: providerName, code: body.provider }) : body.provider,
    ],
    [t('fact.deliveryMode'), labels.code('deliveryMode', body.deliveryMode)],
    [
      t('fact.location'),
      body.location ? (
        <span dir="auto">
          {t('location', {
            city: body.location.city,
            country: labels.country(body.location.country),
          })}
        </span>
      ) : null,
    ],
    [
      t('fact.dates'),
      t('dates', { start: labels.date(body.startDate), end: labels.date(body.endDate) }),
    ],
    [t('fact.deadline'), t('deadline', { date: labels.date(body.applicationDeadline) })],
    [
      t('fact.seats'),
      count ? (
        t('seatsLeft', { ...count })
      ) : (
        <>
          {t('seatsTotal', { seats: body.seats })}
          <span className="muted offer-hint">{t('seatsHint')}</span>
        </>
      ),
    ],
    [t('fact.languages'), body.languages.map(labels.spoken).join(', ')],
    [
      t('fact.eligibility'),
      body.eligibility ? (
        <span className="user-text" dir="auto">
          {body.eligibility}
        </span>
      ) : null,
    ],
  ];
  return (
    <dl className="summary-list offer-facts">
      {rows
        .filter(([, value]) => value !== null && value !== '')
        .map(([term, value]) => (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
    </dl>
  );
}
