import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { fieldErrorsOf, fieldId } from '../../lib/forms';
import { useTranslation } from '../../lib/i18n/i18n';
import {
  MAX_NOTE,
  MAX_SEATS,
  readRequestForm,
  requestRefusal,
  type RequestErrors,
} from './offer-rules';
import { useRequestSeats } from './queries';

interface Props {
  offerId: string;
  /** Values for the refusal messages (the deadline in words). */
  deadline: string;
  onSent: (seats: number) => void;
  /** A refusal with no field: the card shows it, since this form may give way to the request. */
  onRefused: (message: string) => void;
}

/**
 * Seats (1–10) and an optional note. Wrong values are refused on their fields before
 * sending; the server's 400 lands on the same fields; its 403, 409 and 422 are told in
 * words by the card.
 */
export function RequestForm({ offerId, deadline, onSent, onRefused }: Props) {
  const { t } = useTranslation('training');
  const request = useRequestSeats(offerId);
  const [seats, setSeats] = useState('1');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<RequestErrors>({});
  // Ids are per offer: the page lists several forms.
  const name = (field: 'seats' | 'note') => `offer-${offerId}-${field}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (request.isPending) return;
    const read = readRequestForm({ seats, note });
    setErrors(read.errors);
    if (!read.request) return;
    onRefused('');
    request.mutate(read.request, {
      onSuccess: (created) => onSent(created.seats),
      onError: (error) => {
        const key = requestRefusal(error);
        if (key === null) {
          const byField: RequestErrors = {};
          for (const e of fieldErrorsOf(error))
            if (e.field === 'seats' || e.field === 'note') byField[e.field] ??= e.message;
          setErrors(byField);
          return;
        }
        onRefused(t(key, { date: deadline, seconds: 60 }));
      },
    });
  };

  const message = (field: 'seats' | 'note') => {
    const value = errors[field];
    // Client checks are catalogue keys; the server's messages are already words.
    return value ? (value.startsWith('request.') ? t(value) : value) : undefined;
  };
  const summary = (['seats', 'note'] as const)
    .filter((field) => errors[field])
    .map((field) => ({ fieldId: fieldId(name(field)), message: message(field) ?? '' }));

  return (
    <form className="offer-request" onSubmit={submit} noValidate>
      <fieldset className="fieldset">
        <legend>{t('request.legend')}</legend>
        <ErrorSummary items={summary} level={4} />
        <Field
          name={name('seats')}
          label={t('request.seats')}
          hint={t('request.seatsHint')}
          error={message('seats')}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              name="seats"
              inputMode="numeric"
              min={1}
              max={MAX_SEATS}
              step={1}
              value={seats}
              onChange={(event) => setSeats(event.target.value)}
              className="input-seats"
            />
          )}
        </Field>
        <Field
          name={name('note')}
          label={t('request.note')}
          hint={t('request.noteHint')}
          error={message('note')}
        >
          {(control) => (
            <textarea
              {...control}
              name="note"
              dir="auto"
              maxLength={MAX_NOTE}
              rows={2}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button" aria-disabled={request.isPending || undefined}>
          {request.isPending ? t('request.sending') : t('request.submit')}
        </button>
      </fieldset>
    </form>
  );
}
