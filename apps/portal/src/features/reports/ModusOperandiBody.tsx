import type { Schemas } from '../../lib/api/client';
import { formatDate } from '../../lib/format';
import { useTranslation } from '../../lib/i18n/i18n';
import { Facts, Part, RouteView, TextList } from './body-parts';
import { useLabels } from './labels';

type Body = Schemas['ModusOperandiBodyDto'];

export function ModusOperandiBody({ body }: { body: Body }) {
  const { t } = useTranslation('reports');
  const labels = useLabels();
  const list = (name: string, values: readonly string[] | undefined) =>
    values && values.length > 0
      ? values.map((value) => labels.code(name, value)).join(', ')
      : undefined;
  return (
    <>
      <Facts
        rows={[
          [t('body.crimeType'), labels.code('crimeType', body.crimeType)],
          [t('body.transportModes'), list('transportMode', body.transportModes)],
          [t('body.methods'), list('method', body.methods)],
          [
            t('body.firstObserved'),
            body.firstObserved ? formatDate(body.firstObserved, labels.language) : undefined,
          ],
        ]}
      />
      <RouteView route={body.route} />
      <Part field="body.description" title={t('body.description')}>
        <p className="user-text" dir="auto">
          {body.description}
        </p>
      </Part>
      <Part field="body.indicators" title={t('body.indicators')}>
        <TextList items={body.indicators} />
      </Part>
      <Part field="body.countermeasures" title={t('body.countermeasures')}>
        <TextList items={body.countermeasures} />
      </Part>
    </>
  );
}
