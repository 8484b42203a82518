import type { Schemas } from '../../lib/api/client';
import { formatDate, formatNumber } from '../../lib/format';
import { useTranslation } from '../../lib/i18n/i18n';
import {
  CountryList,
  CountryWithCode,
  Facts,
  Part,
  RouteView,
  TextList,
  useDateRange,
} from './body-parts';
import { useLabels } from './labels';

type Body = Schemas['VisaFraudTrendBodyDto'];

export function VisaFraudTrendBody({ body }: { body: Body }) {
  const { t } = useTranslation('reports');
  const labels = useLabels();
  const range = useDateRange();
  const number = (value: number | undefined) =>
    value === undefined ? undefined : formatNumber(value, labels.language);
  return (
    <>
      <Facts
        rows={[
          [t('body.documentType'), labels.code('documentType', body.documentType)],
          [t('body.issuingCountry'), <CountryWithCode key="issuing" code={body.issuingCountry} />],
          [t('body.fraudType'), labels.code('fraudType', body.fraudType)],
          [t('body.personsDetected'), number(body.personsDetected)],
          [t('body.documentsDetected'), number(body.documentsDetected)],
          [t('body.direction'), labels.code('direction', body.direction)],
          [t('body.period'), range(body.periodStart, body.periodEnd, formatDate)],
          [t('body.holderNationalities'), <CountryList key="n" codes={body.holderNationalities} />],
          [t('body.trend'), body.trend ? labels.code('trend', body.trend) : undefined],
        ]}
      />
      <Part title={t('body.detectionPoints')}>
        {body.detectionPoints && body.detectionPoints.length > 0 ? (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('body.detectionPoints')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('body.pointType')}</th>
                  <th scope="col">{t('body.pointCode')}</th>
                  <th scope="col">{t('body.pointCountry')}</th>
                </tr>
              </thead>
              <tbody>
                {body.detectionPoints.map((point, index) => (
                  <tr key={index}>
                    <td>{labels.code('pointType', point.type)}</td>
                    <td>
                      {point.code ? (
                        <bdi>{point.code}</bdi>
                      ) : (
                        <span className="muted">{t('body.noCode')}</span>
                      )}
                    </td>
                    <td>
                      <CountryWithCode code={point.country} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{t('body.empty')}</p>
        )}
      </Part>
      <RouteView route={body.route} />
      <Part field="body.compromisedFeatures" title={t('body.compromisedFeatures')}>
        <TextList items={body.compromisedFeatures} />
      </Part>
      <Part field="body.indicators" title={t('body.indicators')}>
        <TextList items={body.indicators} />
      </Part>
    </>
  );
}
