import { useRef } from 'react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { Field, Fieldset } from '../../components/Field';
import { useFormsT } from './use-forms-t';
import { messageAt } from './form-errors';

interface TextListProps {
  /** The list's name as the server knows it (`body.indicators`); rows are `<name>.<i>`. */
  name: string;
  legend: string;
  hint?: string;
  /** The catalogue key of one row's name, with `{n}`: "Indicator {n}". */
  itemKey: string;
  maxItems: number;
  maxLength: number;
}

/**
 * A repeatable list of short texts: add a row, remove any row. Focus moves to the new row,
 * or to the "Add" button after a removal, so a keyboard user never loses their place.
 */
export function TextList({ name, legend, hint, itemKey, maxItems, maxLength }: TextListProps) {
  const { t } = useFormsT();
  const { control, register, formState } = useFormContext();
  const { fields, append, remove } = useFieldArray({ control, name });
  const addRef = useRef<HTMLButtonElement>(null);
  const multiline = maxLength > 200;
  return (
    <Fieldset name={name} legend={legend} hint={hint} error={messageAt(formState.errors, name)}>
      {fields.map((row, index) => {
        const rowName = `${name}.${index}`;
        const label = t(itemKey, { n: index + 1 });
        return (
          <div key={row.id} className="list-row">
            <Field name={rowName} label={label} error={messageAt(formState.errors, rowName)}>
              {(aria) =>
                multiline ? (
                  <textarea
                    {...aria}
                    {...register(`${rowName}.value`)}
                    rows={2}
                    maxLength={maxLength}
                    dir="auto"
                  />
                ) : (
                  <input
                    {...aria}
                    {...register(`${rowName}.value`)}
                    maxLength={maxLength}
                    dir="auto"
                    autoComplete="off"
                  />
                )
              }
            </Field>
            <button
              type="button"
              className="button-link"
              onClick={() => {
                remove(index);
                // After the render: the button may only now reappear (the list was full).
                requestAnimationFrame(() => addRef.current?.focus());
              }}
            >
              {t(`${itemKey}Remove`, { n: index + 1 })}
            </button>
          </div>
        );
      })}
      {fields.length < maxItems ? (
        <button
          ref={addRef}
          type="button"
          className="button button-secondary"
          onClick={() => append({ value: '' }, { shouldFocus: true })}
        >
          {t(`${itemKey}Add`)}
        </button>
      ) : (
        <p className="field-hint">{t('list.full', { max: maxItems })}</p>
      )}
    </Fieldset>
  );
}
