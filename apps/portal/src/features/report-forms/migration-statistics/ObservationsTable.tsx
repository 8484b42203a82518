import type { ReactNode } from 'react';
import type { FieldArrayWithId } from 'react-hook-form';
import { useFormContext } from 'react-hook-form';
import { useFormsT } from '../use-forms-t';
import { fieldId } from '../../../lib/forms';
import { NATIONALITY_LIST } from '../CodeLists';
import { BORDER_TYPES, STATISTICS_INDICATORS } from '../codes';
import { messageAt } from '../form-errors';
import { codeOptions } from '../options';

interface CellProps {
  name: string;
  label: string;
  children: (aria: {
    id: string;
    'aria-describedby'?: string;
    'aria-invalid'?: boolean;
  }) => ReactNode;
}

/** A table cell's control: a hidden label ("Indicator, row 3"), the error under the control. */
function Cell({ name, label, children }: CellProps) {
  const { formState } = useFormContext();
  const id = fieldId(name);
  const error = messageAt(formState.errors, name);
  return (
    <td data-invalid={error ? 'true' : undefined}>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      {children({
        id,
        'aria-describedby': error ? `${id}-error` : undefined,
        'aria-invalid': error ? true : undefined,
      })}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </td>
  );
}

interface TableProps {
  fields: Array<FieldArrayWithId>;
  duplicateRows: ReadonlySet<number>;
  onRemove: (index: number) => void;
}

/** The observations as an editable table; repeated rows are marked in words, not colour alone. */
export function ObservationsTable({ fields, duplicateRows, onRemove }: TableProps) {
  const { t } = useFormsT();
  const { register } = useFormContext();
  const indicators = codeOptions(t, 'indicator', STATISTICS_INDICATORS, false);
  const borders = codeOptions(t, 'borderType', BORDER_TYPES, false);
  return (
    <div className="table-wrap">
      <table className="observations">
        <caption>{t('stats.tableCaption', { count: fields.length })}</caption>
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
          {fields.map((row, index) => {
            const name = `body.observations.${index}`;
            const n = index + 1;
            const duplicate = duplicateRows.has(index);
            return (
              <tr key={row.id} data-duplicate={duplicate ? 'true' : undefined}>
                <th scope="row">
                  {n}
                  {duplicate ? (
                    <span className="tag tag-duplicate">{t('stats.duplicateTag')}</span>
                  ) : null}
                </th>
                <Cell name={`${name}.indicator`} label={t('stats.cellIndicator', { n })}>
                  {(aria) => (
                    <select {...aria} {...register(`${name}.indicator`)}>
                      <option value="">{t('choose')}</option>
                      {indicators.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  )}
                </Cell>
                <Cell name={`${name}.nationality`} label={t('stats.cellNationality', { n })}>
                  {(aria) => (
                    <input
                      {...aria}
                      {...register(`${name}.nationality`)}
                      className="input-code"
                      list={NATIONALITY_LIST}
                      maxLength={3}
                      autoComplete="off"
                      spellCheck={false}
                      autoCapitalize="characters"
                    />
                  )}
                </Cell>
                <Cell name={`${name}.borderType`} label={t('stats.cellBorderType', { n })}>
                  {(aria) => (
                    <select {...aria} {...register(`${name}.borderType`)}>
                      <option value="">{t('choose')}</option>
                      {borders.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  )}
                </Cell>
                <Cell name={`${name}.count`} label={t('stats.cellCount', { n })}>
                  {(aria) => (
                    <input
                      {...aria}
                      {...register(`${name}.count`)}
                      className="input-short number"
                      inputMode="numeric"
                      autoComplete="off"
                    />
                  )}
                </Cell>
                <td>
                  <button type="button" className="button-link" onClick={() => onRemove(index)}>
                    {t('stats.removeRow', { n })}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
