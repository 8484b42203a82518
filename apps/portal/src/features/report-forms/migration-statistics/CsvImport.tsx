import { useState } from 'react';
import { useAnnouncer } from '../../../components/Announcer';
import { useFormsT } from '../use-forms-t';
import { parseObservationsCsv, type CsvProblem, type ObservationRow } from './observations-csv';

interface CsvImportProps {
  /** Takes the parsed rows: they replace the table's rows. */
  onRows: (rows: ObservationRow[]) => void;
}

/**
 * Observations from a spreadsheet: pasted or uploaded CSV with a header row. A file with a
 * bad row imports nothing and lists each problem by line; duplicates come in, flagged.
 */
export function CsvImport({ onRows }: CsvImportProps) {
  const { t } = useFormsT();
  const { announce } = useAnnouncer();
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<CsvProblem[]>([]);

  const load = (csv: string) => {
    const result = parseObservationsCsv(csv);
    setProblems(result.problems);
    if (result.problems.length) return;
    onRows(result.rows);
    announce(t('csv.imported', { count: result.rows.length }));
  };

  return (
    <div className="csv-import">
      <h3>{t('csv.title')}</h3>
      <p className="field-hint" id="csv-format">
        {t('csv.format')}
      </p>
      <div className="field">
        <label className="field-label" htmlFor="csv-paste">
          {t('csv.paste')}
        </label>
        <textarea
          id="csv-paste"
          rows={5}
          value={text}
          spellCheck={false}
          aria-describedby="csv-format"
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <p>
        <button type="button" className="button button-secondary" onClick={() => load(text)}>
          {t('csv.importPasted')}
        </button>
      </p>
      <div className="field">
        <label className="field-label" htmlFor="csv-upload">
          {t('csv.upload')}
        </label>
        <input
          id="csv-upload"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="csv-format"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void file.text().then(load);
          }}
        />
      </div>
      {problems.length ? (
        <div className="alert" role="alert">
          <p>{t('csv.problemsTitle', { count: problems.length })}</p>
          <ul>
            {problems.slice(0, 50).map((p, i) => (
              <li key={`${p.line}-${p.code}-${i}`}>
                {t('csv.line', {
                  line: p.line,
                  message: t(`csv.problem.${p.code}`, { value: p.value ?? '' }),
                })}
              </li>
            ))}
          </ul>
          {problems.length > 50 ? (
            <p>{t('csv.moreProblems', { count: problems.length - 50 })}</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
