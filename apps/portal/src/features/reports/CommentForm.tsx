import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { fieldErrorsOf, fieldId, placeErrors } from '../../lib/forms';
import { useTranslation } from '../../lib/i18n/i18n';

interface Props {
  /** The request's field: `comment` (return) or `reason` (withdrawal). */
  field: 'comment' | 'reason';
  /** Makes the ids unique where several forms may be open (one per row of a queue). */
  idPrefix?: string;
  label: string;
  hint: string;
  requiredMessage: string;
  submitLabel: string;
  busy: boolean;
  /** The last failure of the request: a 400 naming the field lands on it. */
  error: unknown;
  onSubmit: (text: string) => void;
  onCancel: () => void;
  warning?: boolean;
}

/**
 * The small form a return or a withdrawal asks for: one required text. It opens where
 * the button was and takes focus; an empty text is refused on the field before sending.
 */
export function CommentForm(props: Props) {
  const { t } = useTranslation('reports');
  const { field, idPrefix, error } = props;
  const name = idPrefix ? `${idPrefix}.${field}` : field;
  const [clientError, setClientError] = useState<string | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);

  const server = placeErrors(fieldErrorsOf(error), [field]);
  const message = clientError ?? server.byField[field];
  const summary = clientError
    ? [{ fieldId: fieldId(name), message: clientError }]
    : server.summary.map((item) => ({
        fieldId: item.field ? fieldId(name) : null,
        message: item.message,
      }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (props.busy) return;
    const text = ref.current?.value.trim() ?? '';
    if (!text) {
      setClientError(props.requiredMessage);
      return;
    }
    setClientError(null);
    props.onSubmit(text);
  };

  return (
    <form onSubmit={submit} noValidate className="comment-form">
      <ErrorSummary items={summary} />
      <Field name={name} label={props.label} hint={props.hint} error={message}>
        {(control) => (
          <textarea {...control} ref={ref} name={field} rows={4} maxLength={2000} dir="auto" />
        )}
      </Field>
      <div className="row">
        <button
          type="submit"
          className={props.warning ? 'button button-warning' : 'button'}
          aria-disabled={props.busy || undefined}
        >
          {props.busy ? t('actions.working') : props.submitLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={props.onCancel}>
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}
