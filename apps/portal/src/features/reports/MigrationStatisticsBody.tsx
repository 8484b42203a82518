import type { Schemas } from '../../lib/api/client';
import { formatNumber } from '../../lib/format';
import { useTranslation } from '../../lib/i18n/i18n';
import { CountryWithCode, Facts, Part } from './body-parts';
import { useLabels } from './labels';

type Body = Schemas['MigrationStatisticsBodyDto'];

/** One country's monthly figures: the observations as a table with their total. */
export function MigrationStatisticsBody({ body }: { body: Body }) {
  const { t } = useTranslation('reports');
  const labels = useLabels();
  const rows = body.observations ?? [];
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return (
    <>
      <Facts
        rows={[
          [
            t('body.reportingCountry'),
            <CountryWithCode key="country" code={body.reportingCountry} />,
          ],
          [t('body.month'), <bdi key="month">{labels.month(body.period)}</bdi>],
        ]}
      />
      <Part title={t('body.observations')}>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">
              {t('body.observations')}: <CountryWithCode code={body.reportingCountry} />,{' '}
              <bdi>{labels.month(body.period)}</bdi>
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('body.indicator')}</th>
                <th scope="col">{t('body.nationality')}</th>
                <th scope="col">{t('body.borderType')}</th>
                <th scope="col" className="number">
                  {t('body.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.indicator}-${row.nationality}-${row.borderType}`}>
                  <td>{labels.code('indicator', row.indicator)}</td>
                  <td>
                    <CountryWithCode code={row.nationality} />
                  </td>
                  <td>{labels.code('borderType', row.borderType)}</td>
                  <td className="number">{formatNumber(row.count, labels.language)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  {t('body.total')}
                </th>
                <td className="number">{formatNumber(total, labels.language)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </Part>
    </>
  );
}
