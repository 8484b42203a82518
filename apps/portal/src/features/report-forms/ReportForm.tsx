import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm, type FieldErrors } from 'react-hook-form';
import { Link } from 'react-router';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import type { Schemas } from '../../lib/api/client';
import { useFormsT } from './use-forms-t';
import { placeErrors } from '../../lib/forms';
import { CodeLists } from './CodeLists';
import type { ReportType } from './codes';
import { EnvelopeFields, EvaluationFields } from './EnvelopeFields';
import { FormActions } from './FormActions';
import { flattenErrors, inPageOrder, summaryItem } from './form-errors';
import { HandlingFields } from './HandlingFields';
import { refusalOf, type Refusal } from './refusal';
import {
  formFieldNames,
  reportSchema,
  type ReportFormValues,
  type ReportPayload,
} from './registry';
import { createReport, updateReport, type Action } from './save';
import { TypeFields } from './TypeFields';
import './report-forms.css';

export interface ReportFormProps {
  type: ReportType;
  team: { id: string; name: string };
  defaultValues: ReportFormValues;
  /** The stored report when editing (drafts) or amending (published). */
  report?: Schemas['ReportDto'];
  /** The buttons offered; the first is the one Enter in a text field presses. */
  actions: Action[];
  /** A refusal carried over from the page before (a created draft whose submit failed). */
  initialRefusal?: Refusal | null;
  onSaved: (id: string, action: Action) => void;
  /** The draft exists now but its submit or publish was refused: edit it from here on. */
  onCreatedButRefused: (id: string, refusal: Refusal) => void;
}

/** One form for the four types: envelope, body, evaluation, handling, then save. */
export function ReportForm(props: ReportFormProps) {
  const { type, team, report, actions, initialRefusal, onSaved, onCreatedButRefused } = props;
  const { t, common } = useFormsT();
  const queryClient = useQueryClient();
  const schema = useMemo(() => reportSchema(type, t), [type, t]);
  const form = useForm<ReportFormValues, unknown, ReportPayload>({
    resolver: zodResolver(schema),
    defaultValues: props.defaultValues,
    // The error summary takes focus (GOV.UK); the fields are one link away.
    shouldFocusError: false,
  });
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [existing, setExisting] = useState<string | null>(null);
  const intent = useRef<Action>(actions[0] ?? 'draft');

  const showRefusal = useCallback(
    (refusal: Refusal) => {
      const { byField, summary: placed } = placeErrors(
        refusal.errors,
        formFieldNames(type, form.getValues()),
      );
      for (const [name, message] of Object.entries(byField))
        form.setError(name as keyof ReportFormValues, { type: 'server', message });
      const items = placed.map((item) => summaryItem(item.field, item.message, t));
      setSummary(
        inPageOrder(
          refusal.message ? [{ fieldId: null, message: refusal.message }, ...items] : items,
        ),
      );
      setExisting(refusal.existingReportId);
      setAttempt((n) => n + 1);
    },
    [form, type, t],
  );

  useEffect(() => {
    if (initialRefusal) showRefusal(initialRefusal);
  }, [initialRefusal, showRefusal]);

  const onValid = async (payload: ReportPayload) => {
    const action = intent.current;
    setBusy(true);
    const outcome = report
      ? await updateReport(report, payload, action)
      : await createReport(type, team.id, payload, action);
    setBusy(false);
    // The report page and the lists read the saved report afresh.
    if (outcome.ok || outcome.saved)
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['report'] }),
        queryClient.invalidateQueries({ queryKey: ['reports'] }),
      ]);
    if (outcome.ok) return onSaved(outcome.id, action);
    const refusal = refusalOf(outcome.error, t, common);
    if (outcome.saved && !report) return onCreatedButRefused(outcome.saved, refusal);
    showRefusal(refusal);
  };

  const onInvalid = (errors: FieldErrors<ReportFormValues>) => {
    setSummary(
      inPageOrder(flattenErrors(errors).map(([name, message]) => summaryItem(name, message, t))),
    );
    setAttempt((n) => n + 1);
  };

  return (
    <FormProvider {...form}>
      <ErrorSummary key={attempt} items={summary} />
      {existing ? (
        <p className="notice">
          <Link to={`/reports/${existing}`}>{t('refusal.existing')}</Link>
        </p>
      ) : null}
      <form
        noValidate
        className="report-form"
        onSubmit={(event) => {
          if (busy) return event.preventDefault();
          void form.handleSubmit(onValid, onInvalid)(event);
        }}
      >
        <CodeLists />
        <section aria-labelledby="rf-about">
          <h2 id="rf-about">{t('sections.about')}</h2>
          <EnvelopeFields />
        </section>
        <section aria-labelledby="rf-details">
          <h2 id="rf-details">{t(`sections.details.${type}`)}</h2>
          <TypeFields type={type} />
        </section>
        <section aria-labelledby="rf-evaluation">
          <h2 id="rf-evaluation">{t('sections.evaluation')}</h2>
          <EvaluationFields />
        </section>
        <section aria-labelledby="rf-handling">
          <h2 id="rf-handling">{t('sections.handling')}</h2>
          <HandlingFields team={team} />
        </section>
        <FormActions
          actions={actions}
          busy={busy}
          onIntent={(action) => (intent.current = action)}
        />
      </form>
    </FormProvider>
  );
}
