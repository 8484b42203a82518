import type { ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import { Field } from '../../components/Field';
import { fieldId } from '../../lib/forms';
import { messageAt } from './form-errors';

interface TextProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** `code` fits three letters; `short` a number or a date. */
  width?: 'code' | 'short' | 'medium';
  type?: 'text' | 'date' | 'month';
  inputMode?: 'numeric' | 'text';
  list?: string;
  maxLength?: number;
  /** Codes are typed in capitals and never spell-checked. */
  code?: boolean;
}

/** A labelled text input registered under `name`; its id is fieldId(name). */
export function TextField({
  name,
  label,
  hint,
  width,
  type = 'text',
  inputMode,
  list,
  maxLength,
  code,
}: TextProps) {
  const { register, formState } = useFormContext();
  return (
    <Field name={name} label={label} hint={hint} error={messageAt(formState.errors, name)}>
      {(aria) => (
        <input
          {...aria}
          {...register(name)}
          type={type}
          inputMode={inputMode}
          list={list}
          maxLength={maxLength}
          className={width ? `input-${width}` : undefined}
          autoComplete="off"
          spellCheck={code ? false : undefined}
          autoCapitalize={code ? 'characters' : undefined}
        />
      )}
    </Field>
  );
}

export function TextArea({
  name,
  label,
  hint,
  rows = 5,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  rows?: number;
}) {
  const { register, formState } = useFormContext();
  return (
    <Field name={name} label={label} hint={hint} error={messageAt(formState.errors, name)}>
      {(aria) => <textarea {...aria} {...register(name)} rows={rows} dir="auto" />}
    </Field>
  );
}

export interface Option {
  value: string;
  label: string;
  /** Shown instead of the text label (its text stays the accessible name). */
  display?: ReactNode;
  hint?: string;
}

export function SelectField({
  name,
  label,
  hint,
  options,
  placeholder,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  options: Option[];
  placeholder: string;
}) {
  const { register, formState } = useFormContext();
  return (
    <Field name={name} label={label} hint={hint} error={messageAt(formState.errors, name)}>
      {(aria) => (
        <select {...aria} {...register(name)} className="input-medium">
          <option value="">{placeholder}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A single checkbox with its label beside it (GOV.UK: the label is the click target too). */
export function Checkbox({
  name,
  label,
  hint,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
}) {
  const { register } = useFormContext();
  const id = fieldId(name);
  return (
    <div className="field">
      <div className="choice">
        <input
          type="checkbox"
          id={id}
          {...register(name)}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint choice-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
