import { memo, type ReactNode } from 'react';
import { useFormContext, useFormState, type FieldErrors } from 'react-hook-form';
import { fieldId } from '../../../lib/forms';
import { NATIONALITY_LIST } from '../CodeLists';
import type { Option } from '../fields';
import { messageAt } from '../form-errors';
import { useFormsT } from '../use-forms-t';

interface CellProps {
  name: string;
  label: string;
  errors: FieldErrors;
  children: (aria: {
    id: string;
    'aria-describedby'?: string;
    'aria-invalid'?: boolean;
  }) => ReactNode;
}

/** A table cell's control: a hidden label ("Indicator, row 3"), the error under the control. */
function Cell({ name, label, errors, children }: CellProps) {
  const id = fieldId(name);
  const error = messageAt(errors, name);
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

interface RowProps {
  index: number;
  duplicate: boolean;
  indicators: Option[];
  borders: Option[];
  onRemove: (index: number) => void;
}

/**
 * One observation. Memoised, and subscribed to its own errors only: with 2000 rows, a
 * keystroke in one row must not render the other 1999.
 */
export const ObservationRow = memo(function ObservationRow({
  index,
  duplicate,
  indicators,
  borders,
  onRemove,
}: RowProps) {
  const { t } = useFormsT();
  const { register, control } = useFormContext();
  const name = `body.observations.${index}`;
  const { errors } = useFormState({ control, name });
  const n = index + 1;
  return (
    <tr data-duplicate={duplicate ? 'true' : undefined}>
      <th scope="row">
        {n}
        {duplicate ? <span className="tag tag-duplicate">{t('stats.duplicateTag')}</span> : null}
      </th>
      <Cell name={`${name}.indicator`} label={t('stats.cellIndicator', { n })} errors={errors}>
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
      <Cell name={`${name}.nationality`} label={t('stats.cellNationality', { n })} errors={errors}>
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
      <Cell name={`${name}.borderType`} label={t('stats.cellBorderType', { n })} errors={errors}>
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
      <Cell name={`${name}.count`} label={t('stats.cellCount', { n })} errors={errors}>
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
});
