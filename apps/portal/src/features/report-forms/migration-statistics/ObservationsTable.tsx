import { useMemo } from 'react';
import type { FieldArrayWithId } from 'react-hook-form';
import { BORDER_TYPES, STATISTICS_INDICATORS } from '../codes';
import { codeOptions } from '../options';
import { useFormsT } from '../use-forms-t';
import { ObservationRow } from './ObservationRow';

interface TableProps {
  /** The rows on the page shown, the first being row `start` of `total`. */
  fields: Array<FieldArrayWithId>;
  start: number;
  total: number;
  duplicateRows: ReadonlySet<number>;
  onRemove: (index: number) => void;
}

/** The observations as an editable table; repeated rows are marked in words, not colour alone. */
export function ObservationsTable({ fields, start, total, duplicateRows, onRemove }: TableProps) {
  const { t } = useFormsT();
  // Stable option lists, so that the memoised rows see the same props on every render.
  const indicators = useMemo(() => codeOptions(t, 'indicator', STATISTICS_INDICATORS, false), [t]);
  const borders = useMemo(() => codeOptions(t, 'borderType', BORDER_TYPES, false), [t]);
  return (
    <div className="table-wrap">
      <table className="observations">
        <caption>{t('stats.tableCaption', { count: total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stats.row')}</th>
            <th scope="col">{t('stats.indicator')}</th>
            <th scope="col">{t('stats.nationality')}</th>
            <th scope="col">{t('stats.borderType')}</th>
            <th scope="col" className="number">
              {t('stats.count')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('stats.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {fields.map((row, index) => (
            <ObservationRow
              key={row.id}
              index={start + index}
              duplicate={duplicateRows.has(start + index)}
              indicators={indicators}
              borders={borders}
              onRemove={onRemove}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
