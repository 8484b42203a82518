import { Link } from 'react-router';
import { useTranslation } from '../../lib/i18n/i18n';
import type { TrainingLabels } from './labels';
import type { Enrolment, OfferSummary } from './queries';

export interface MyRequest {
  offer: OfferSummary;
  enrolment: Enrolment;
}

/** The caller's requests across the offers listed, with their status. */
export function MyRequests({ items, labels }: { items: MyRequest[]; labels: TrainingLabels }) {
  const { t } = useTranslation('training');
  return (
    <section className="my-requests" aria-labelledby="my-requests-title">
      <h2 id="my-requests-title">{t('mine.title')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('mine.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('mine.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mine.offer')}</th>
                <th scope="col" className="number">
                  {t('mine.seats')}
                </th>
                <th scope="col">{t('mine.asked')}</th>
                <th scope="col">{t('mine.status')}</th>
                <th scope="col">{t('mine.decided')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map(({ offer, enrolment }) => (
                <tr key={enrolment.id}>
                  <th scope="row">
                    <Link to={`/reports/${offer.id}`} dir="auto">
                      {offer.title}
                    </Link>
                  </th>
                  <td className="number">{enrolment.seats}</td>
                  <td>{labels.date(enrolment.createdAt)}</td>
                  <td>
                    <span className="tag" data-status={enrolment.status}>
                      {t(`status.${enrolment.status}`)}
                    </span>
                  </td>
                  <td>{labels.date(enrolment.decidedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
