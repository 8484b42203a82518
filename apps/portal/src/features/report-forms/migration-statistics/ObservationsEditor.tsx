import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useAnnouncer } from '../../../components/Announcer';
import { Fieldset } from '../../../components/Field';
import { useFormsT } from '../use-forms-t';
import { messageAt } from '../form-errors';
import { CodeDefinitions } from './CodeDefinitions';
import { CsvImport } from './CsvImport';
import { DuplicatePanel } from './DuplicatePanel';
import { findDuplicates, mergeDuplicates } from './duplicates';
import { MAX_OBSERVATIONS, type ObservationRow } from './observations-csv';
import { ObservationsTable } from './ObservationsTable';
import { RowPager } from './RowPager';
import { useRowPages } from './useRowPages';
import { emptyObservation } from './schema';

const NAME = 'body.observations';

/** The figures: a table to edit by hand, filled from CSV if wished, duplicates flagged live. */
export function ObservationsEditor() {
  const { t } = useFormsT();
  const { announce } = useAnnouncer();
  const { control, formState, getValues, clearErrors } = useFormContext();
  const { fields, append, remove, replace } = useFieldArray({ control, name: NAME });
  const rows = (useWatch({ control, name: NAME }) as ObservationRow[] | undefined) ?? [];
  const groups = findDuplicates(rows);
  const duplicateRows = new Set(groups.flatMap((g) => g.indexes));
  const paging = useRowPages(fields.length);
  const pager = <RowPager {...paging} total={fields.length} onPage={paging.setPage} />;

  const merge = () => {
    const result = mergeDuplicates(getValues(NAME) as ObservationRow[]);
    replace(result.rows);
    clearErrors(NAME);
    paging.setPage(0);
    announce(t('stats.merged', { merged: result.merged, kept: result.kept }));
  };

  return (
    <Fieldset
      name={NAME}
      legend={t('stats.observations')}
      hint={t('stats.observationsHint')}
      error={messageAt(formState.errors, NAME)}
    >
      <DuplicatePanel groups={groups} rows={rows} onMerge={merge} />
      <CsvImport
        onRows={(imported) => {
          replace(imported);
          clearErrors(NAME);
          paging.setPage(0);
        }}
      />
      {pager}
      <ObservationsTable
        fields={fields.slice(paging.start, paging.end)}
        start={paging.start}
        total={fields.length}
        duplicateRows={duplicateRows}
        onRemove={remove}
      />
      {pager}
      {fields.length < MAX_OBSERVATIONS ? (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            paging.showLast();
            append(emptyObservation(), { shouldFocus: true });
          }}
        >
          {t('stats.addRow')}
        </button>
      ) : (
        <p className="field-hint">{t('stats.full', { max: MAX_OBSERVATIONS })}</p>
      )}
      <CodeDefinitions />
    </Fieldset>
  );
}
