import { Fragment } from 'react';
import { fieldId } from '../../../lib/forms';
import { useFormsT } from '../use-forms-t';
import type { DuplicateGroup } from './duplicates';
import type { ObservationRow } from './observations-csv';

interface PanelProps {
  groups: DuplicateGroup[];
  rows: readonly ObservationRow[];
  onMerge: () => void;
}

/**
 * Repeated (indicator, nationality, borderType) rows, listed with their row and CSV line
 * numbers. The report cannot be sent until they are merged or removed.
 */
export function DuplicatePanel({ groups, rows, onMerge }: PanelProps) {
  const { t } = useFormsT();
  if (groups.length === 0) return null;
  const where = (i: number) => {
    const line = rows[i]?.line;
    return line ? t('stats.rowWithLine', { n: i + 1, line }) : t('stats.rowNumber', { n: i + 1 });
  };
  return (
    <section className="duplicates" aria-labelledby="duplicates-title">
      <h3 id="duplicates-title">{t('stats.duplicatesTitle', { count: groups.length })}</h3>
      <p>{t('stats.duplicatesBody')}</p>
      <ul>
        {groups.map((g) => (
          <li key={g.indexes.join('-')}>
            {g.indexes.map((i, k) => (
              <Fragment key={i}>
                {k ? ', ' : ''}
                <a href={`#${fieldId(`body.observations.${i}.indicator`)}`}>{where(i)}</a>
              </Fragment>
            ))}
            {t('stats.duplicateKey', {
              indicator: t(`codes.indicator.${g.indicator}.label`),
              nationality: g.nationality,
              borderType: t(`codes.borderType.${g.borderType}.label`),
            })}
          </li>
        ))}
      </ul>
      <button type="button" className="button button-secondary" onClick={onMerge}>
        {t('stats.merge')}
      </button>
    </section>
  );
}
