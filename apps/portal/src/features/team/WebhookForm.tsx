import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field, Fieldset } from '../../components/Field';
import { fieldId } from '../../lib/forms';
import { useTranslation } from '../../lib/i18n/i18n';
import { useSetWebhook } from './queries';
import { formRefusal, type FieldErrors } from './refusal';
import { generateSecret, MAX_SECRET_LENGTH, secretProblem, urlProblem } from './secret';

const FIELDS = ['url', 'secret'] as const;
type FieldName = (typeof FIELDS)[number];
const nameOf = (field: FieldName) => `webhook.${field}`;

interface Props {
  teamId: string;
  initialUrl: string;
  /** The secret that was sent, to be shown once; the form forgets it at once. */
  onSaved: (secret: string) => void;
  onCancel?: () => void;
}

/**
 * PUT /teams/:id/webhook. The secret is made in this browser at the moment of saving
 * (or typed by the lead), sent once, handed to the caller to show once, and cleared from
 * the form: nothing keeps it after that.
 */
export function WebhookForm({ teamId, initialUrl, onSaved, onCancel }: Props) {
  const { t } = useTranslation('team');
  const save = useSetWebhook(teamId);
  const [url, setUrl] = useState(initialUrl);
  const [mode, setMode] = useState<'generate' | 'own'>('generate');
  const [own, setOwn] = useState('');
  const [errors, setErrors] = useState<FieldErrors<FieldName>>({});
  const [alert, setAlert] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    setAlert(null);
    const found: FieldErrors<FieldName> = {};
    const urlKey = urlProblem(url);
    if (urlKey) found.url = t(urlKey);
    const secretKey = mode === 'own' ? secretProblem(own) : null;
    if (secretKey) found.secret = t(secretKey, { min: 16, max: MAX_SECRET_LENGTH });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const secret = mode === 'own' ? own : generateSecret();
    save.mutate(
      { url: url.trim(), secret },
      {
        onSuccess: () => {
          setOwn('');
          onSaved(secret);
        },
        onError: (error) => {
          const refusal = formRefusal(error, FIELDS, t, (e) =>
            e.status === 403
              ? { key: 'webhook.forbidden' }
              : e.status === 404
                ? { key: 'webhook.teamGone' }
                : undefined,
          );
          setErrors(refusal.byField);
          setAlert(refusal.alert);
        },
      },
    );
  };

  const summary = FIELDS.flatMap((field) =>
    errors[field] ? [{ fieldId: fieldId(nameOf(field)), message: errors[field] }] : [],
  );

  return (
    <form onSubmit={submit} noValidate className="team-form">
      <ErrorSummary items={summary} />
      {alert ? (
        <p className="alert" role="alert">
          {alert}
        </p>
      ) : null}
      <Field
        name={nameOf('url')}
        label={t('webhook.url')}
        hint={t('webhook.urlHint')}
        error={errors.url}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            maxLength={2048}
            value={url}
            onChange={(event) => setUrl(event.target.value)}
          />
        )}
      </Field>
      <Fieldset
        name="webhook.secretMode"
        legend={t('webhook.secretLegend')}
        hint={t('webhook.secretHint')}
      >
        {(['generate', 'own'] as const).map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="webhook-secret-mode"
              value={value}
              checked={mode === value}
              onChange={() => setMode(value)}
            />
            {t(`webhook.mode.${value}`)}
          </label>
        ))}
      </Fieldset>
      {mode === 'own' ? (
        <Field
          name={nameOf('secret')}
          label={t('webhook.secret')}
          hint={t('webhook.secretOwnHint')}
          error={errors.secret}
        >
          {(control) => (
            <input
              {...control}
              // Text, not a password field: a browser's password manager must not keep it.
              type="text"
              autoComplete="off"
              className="secret-input"
              spellCheck={false}
              maxLength={MAX_SECRET_LENGTH}
              value={own}
              onChange={(event) => setOwn(event.target.value)}
            />
          )}
        </Field>
      ) : errors.secret ? (
        <p className="field-error" id={fieldId(nameOf('secret'))} tabIndex={-1}>
          {errors.secret}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="button" aria-disabled={save.isPending || undefined}>
          {save.isPending ? t('webhook.saving') : t('webhook.save')}
        </button>
        {onCancel ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('common:cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
