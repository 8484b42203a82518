import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { api, unwrap } from '../../lib/api/client';
import { fieldErrorsOf, fieldId, placeErrors } from '../../lib/forms';
import { useTranslation } from '../../lib/i18n/i18n';
import { RuleEditor } from './RuleEditor';
import { SUBSCRIPTIONS_KEY } from './keys';
import {
  draftsToRules,
  MAX_RULES,
  newDraft,
  ruleFields,
  toDrafts,
  type Rule,
  type RuleDraft,
} from './rules';

/** Every field name a server error may name, so placeErrors finds the nearest one. */
function knownFields(count: number): string[] {
  const names = ['rules'];
  for (let i = 0; i < count; i++) names.push(`rules.${i}`, ...Object.values(ruleFields(i)));
  return names;
}

/**
 * The repeatable rule editor and PUT /me/subscriptions. Client checks refuse malformed
 * codes on their field; the server's 400 lands on the fields it names.
 */
export function RulesForm({ initial }: { initial: Rule[] }) {
  const { t } = useTranslation('subscriptions');
  const queryClient = useQueryClient();
  const [drafts, setDrafts] = useState<RuleDraft[]>(() => toDrafts(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const nextKey = useRef(initial.length + 1);
  const groups = useRef(new Map<number, HTMLFieldSetElement>());
  const addButton = useRef<HTMLButtonElement>(null);
  // Where focus goes after an add or a removal (a new object each time, so it always runs).
  const [focus, setFocus] = useState<{ target: number | 'add' } | null>(null);

  useEffect(() => {
    if (focus?.target === 'add') addButton.current?.focus();
    else if (focus) groups.current.get(focus.target)?.focus();
  }, [focus]);

  const save = useMutation({
    mutationFn: (rules: Rule[]) => unwrap(api.PUT('/api/v1/me/subscriptions', { body: { rules } })),
    onSuccess: (answer) => {
      queryClient.setQueryData(SUBSCRIPTIONS_KEY, answer);
      setDrafts(toDrafts(answer.rules, nextKey.current));
      nextKey.current += answer.rules.length;
      setSaved(true);
    },
    onError: (failure) => {
      const placed = placeErrors(fieldErrorsOf(failure), knownFields(drafts.length));
      setErrors(
        Object.keys(placed.byField).length > 0 ? placed.byField : { form: t('rules.saveFailed') },
      );
    },
  });

  const edit = (next: RuleDraft[]) => {
    setDrafts(next);
    setSaved(false);
  };
  const add = () => {
    const draft = newDraft(nextKey.current++);
    edit([...drafts, draft]);
    setErrors({}); // positions moved: old server errors would name the wrong rule
    setFocus({ target: draft.key });
  };
  const remove = (index: number) => {
    const next = drafts.filter((_, i) => i !== index);
    edit(next);
    setErrors({});
    setFocus({ target: next[index]?.key ?? next[index - 1]?.key ?? 'add' });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    setSaved(false);
    const result = draftsToRules(drafts);
    const local = Object.fromEntries(
      Object.entries(result.errors).map(([name, e]) => [name, t(e.key, e.values)]),
    );
    setErrors(local);
    if (result.rules) save.mutate(result.rules);
  };

  // The summary names the rule, since every rule has the same fields.
  const summary = Object.entries(errors).map(([name, message]) => {
    const index = /^rules\.(\d+)/.exec(name)?.[1];
    return {
      fieldId: name === 'form' ? null : fieldId(name),
      message:
        index === undefined
          ? message
          : `${t('rule.legend', { number: Number(index) + 1 })}: ${message}`,
    };
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="rules-heading">
      <ErrorSummary items={summary} />
      <div id={fieldId('rules')} tabIndex={-1} className="subscription-rules">
        {errors.rules ? <p className="field-error">{errors.rules}</p> : null}
        {drafts.length === 0 ? <p className="notice">{t('rules.none')}</p> : null}
        {drafts.map((draft, index) => (
          <RuleEditor
            key={draft.key}
            index={index}
            draft={draft}
            errors={errors}
            onChange={(changed) => edit(drafts.map((d, i) => (i === index ? changed : d)))}
            onRemove={() => remove(index)}
            groupRef={(element) => {
              if (element) groups.current.set(draft.key, element);
              else groups.current.delete(draft.key);
            }}
          />
        ))}
      </div>
      <div className="row subscription-actions">
        {drafts.length < MAX_RULES ? (
          <button type="button" className="button button-secondary" onClick={add} ref={addButton}>
            {t('rules.add')}
          </button>
        ) : (
          <p className="muted">{t('rules.max', { max: MAX_RULES })}</p>
        )}
        <button type="submit" className="button" aria-disabled={save.isPending || undefined}>
          {save.isPending ? t('rules.saving') : t('rules.save')}
        </button>
      </div>
      {/* Exists before the save, so the confirmation is announced when it arrives. */}
      <div role="status" className={saved ? 'notice subscription-saved' : undefined}>
        {saved ? t('rules.saved', { count: drafts.length }) : ''}
      </div>
    </form>
  );
}
