import { useRef } from 'react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { Fieldset } from '../../../components/Field';
import { useFormsT } from '../use-forms-t';
import { COUNTRY_LIST } from '../CodeLists';
import { DETECTION_POINT_TYPES } from '../codes';
import { SelectField, TextField } from '../fields';
import { messageAt } from '../form-errors';
import { codeOptions } from '../options';

const NAME = 'body.detectionPoints';

/** Where detections happened: a repeatable group of {type, code?, country}. */
export function DetectionPoints() {
  const { t } = useFormsT();
  const { control, formState } = useFormContext();
  const { fields, append, remove } = useFieldArray({ control, name: NAME });
  const addRef = useRef<HTMLButtonElement>(null);
  const types = codeOptions(t, 'detectionPointType', DETECTION_POINT_TYPES, false);
  return (
    <Fieldset
      name={NAME}
      legend={t('visa.detectionPoints')}
      hint={t('visa.detectionPointsHint')}
      error={messageAt(formState.errors, NAME)}
    >
      {fields.map((row, index) => {
        const name = `${NAME}.${index}`;
        return (
          <fieldset key={row.id} className="group-row">
            <legend>{t('visa.detectionPoint', { n: index + 1 })}</legend>
            <div className="field-row">
              <SelectField
                name={`${name}.type`}
                label={t('visa.pointType')}
                options={types}
                placeholder={t('choose')}
              />
              <TextField
                name={`${name}.code`}
                label={t('visa.pointCode')}
                width="short"
                maxLength={8}
                code
              />
              <TextField
                name={`${name}.country`}
                label={t('visa.pointCountry')}
                width="code"
                list={COUNTRY_LIST}
                maxLength={3}
                code
              />
            </div>
            <button
              type="button"
              className="button-link"
              onClick={() => {
                remove(index);
                requestAnimationFrame(() => addRef.current?.focus());
              }}
            >
              {t('visa.detectionPointRemove', { n: index + 1 })}
            </button>
          </fieldset>
        );
      })}
      {fields.length < 50 ? (
        <button
          ref={addRef}
          type="button"
          className="button button-secondary"
          onClick={() => append({ type: '', code: '', country: '' }, { shouldFocus: true })}
        >
          {t('visa.detectionPointAdd')}
        </button>
      ) : null}
    </Fieldset>
  );
}
