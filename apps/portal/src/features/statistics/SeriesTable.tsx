import { useEffect, useState } from 'react';
import { useTranslation } from '../../lib/i18n/i18n';
import type { Grouping } from './codes';
import { toCsv } from './csv';
import type { StatsLabels } from './labels';
import { tableCsvRows, type SeriesTableModel } from './table-model';

interface Props {
  model: SeriesTableModel;
  groupBy: Grouping;
  caption: string;
  labels: StatsLabels;
}

/** The series as a table: the chart's figures for everyone, with their total. */
export function SeriesTable({ model, groupBy, caption, labels }: Props) {
  const [keyHead, countHead] = model.head;
  return (
    <div className="table-wrap stats-table">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{keyHead}</th>
            <th scope="col" className="number">
              {countHead}
            </th>
          </tr>
        </thead>
        <tbody>
          {model.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                {groupBy === 'month' ? <time dateTime={row.key}>{row.label}</time> : row.label}
              </th>
              <td className="number">{labels.number(row.count)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{model.total[0]}</th>
            <td className="number">{labels.number(model.total[1])}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/**
 * "Download CSV": a link to a Blob of exactly the table (same model), named after what it
 * holds. The Blob URL is revoked when the table changes or the link goes.
 */
export function CsvLink({ model, fileName }: { model: SeriesTableModel; fileName: string }) {
  const { t } = useTranslation('statistics');
  const [href, setHref] = useState<string>();
  useEffect(() => {
    const blob = new Blob([toCsv(tableCsvRows(model))], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [model]);
  return (
    <p className="stats-download">
      <a
        className="button button-secondary"
        href={href}
        download={fileName}
        aria-describedby="csv-hint"
      >
        {t('csv')}
      </a>
      <span id="csv-hint" className="muted">
        {t('csvHint')}
      </span>
    </p>
  );
}
