import { useCallback, useState } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { fieldId } from '../../lib/forms';
import { useTranslation } from '../../lib/i18n/i18n';
import type { ApiError } from '../../lib/api/problem';
import { formRefusal, type FieldErrors } from '../team';

type Explain<F extends string> = (error: ApiError) => { field?: F; key: string } | undefined;

/**
 * One form's errors: on its fields (ids `field-<form>-<name>`), in the summary that links
 * to them, and an alert for what belongs to no field. `refuse` reads a server refusal.
 */
export function useFormErrors<F extends string>(form: string, fields: readonly F[]) {
  const { t } = useTranslation('admin');
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const nameOf = useCallback((field: F) => `${form}.${field}`, [form]);
  const refuse = (error: unknown, explain?: Explain<F>) => {
    const refusal = formRefusal(error, fields, t, explain);
    setErrors(refusal.byField);
    setAlert(refusal.alert);
  };
  const check = (found: FieldErrors<F>): boolean => {
    setErrors(found);
    setAlert(null);
    return Object.keys(found).length === 0;
  };
  const summary = fields.flatMap((field) =>
    errors[field] ? [{ fieldId: fieldId(nameOf(field)), message: errors[field] }] : [],
  );
  const top = (
    <>
      <ErrorSummary items={summary} />
      {alert ? (
        <p className="alert" role="alert">
          {alert}
        </p>
      ) : null}
    </>
  );
  return { errors, nameOf, refuse, check, top, t };
}
