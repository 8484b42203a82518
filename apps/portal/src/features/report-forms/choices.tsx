import type { ReactNode } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { Fieldset } from '../../components/Field';
import { fieldId } from '../../lib/forms';
import type { Option } from './fields';
import { messageAt } from './form-errors';

interface GroupProps {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: Option[];
  /** Side by side for a few short labels without hints. */
  inline?: boolean;
}

function ChoiceHint({ id, hint }: { id: string; hint?: string }) {
  return hint ? (
    <p id={id} className="field-hint choice-hint">
      {hint}
    </p>
  ) : null;
}

/**
 * Radios under one legend; the fieldset carries fieldId(name), so the error summary's link
 * lands on the group. Each option may have a hint, read with it.
 */
export function RadioGroup({ name, legend, hint, options, inline }: GroupProps) {
  const { register, formState } = useFormContext();
  const base = fieldId(name);
  return (
    <Fieldset name={name} legend={legend} hint={hint} error={messageAt(formState.errors, name)}>
      <div className={inline ? 'choices choices-inline' : 'choices'}>
        {options.map((o) => (
          <div key={o.value} className="choice-item">
            <div className="choice">
              <input
                type="radio"
                id={`${base}-${o.value}`}
                value={o.value}
                {...register(name)}
                aria-describedby={o.hint ? `${base}-${o.value}-hint` : undefined}
              />
              <label htmlFor={`${base}-${o.value}`}>{o.display ?? o.label}</label>
            </div>
            <ChoiceHint id={`${base}-${o.value}-hint`} hint={o.hint} />
          </div>
        ))}
      </div>
    </Fieldset>
  );
}

/** Checkboxes whose checked values form one array field (one or more of a closed list). */
export function CheckboxGroup({ name, legend, hint, options, inline }: GroupProps) {
  const { control, formState } = useFormContext();
  const base = fieldId(name);
  return (
    <Fieldset name={name} legend={legend} hint={hint} error={messageAt(formState.errors, name)}>
      <Controller
        control={control}
        name={name}
        render={({ field }) => {
          const chosen = (field.value as string[] | undefined) ?? [];
          const toggle = (value: string, on: boolean) =>
            field.onChange(on ? [...chosen, value] : chosen.filter((v) => v !== value));
          return (
            <div className={inline ? 'choices choices-inline' : 'choices'}>
              {options.map((o) => (
                <div key={o.value} className="choice-item">
                  <div className="choice">
                    <input
                      type="checkbox"
                      id={`${base}-${o.value}`}
                      value={o.value}
                      checked={chosen.includes(o.value)}
                      onChange={(event) => toggle(o.value, event.target.checked)}
                      onBlur={field.onBlur}
                      aria-describedby={o.hint ? `${base}-${o.value}-hint` : undefined}
                    />
                    <label htmlFor={`${base}-${o.value}`}>{o.display ?? o.label}</label>
                  </div>
                  <ChoiceHint id={`${base}-${o.value}-hint`} hint={o.hint} />
                </div>
              ))}
            </div>
          );
        }}
      />
    </Fieldset>
  );
}
