import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useAnnouncer } from '../../components/Announcer';
import { useTranslation } from '../../lib/i18n/i18n';
import { abilitiesOf, useMe } from '../../lib/session/hooks';
import type { Report } from './codes';
import { CommentForm } from './CommentForm';
import { allowedActions, anyAllowed } from './permissions';
import { RefusalNotice } from './Refusal';
import { refusalOf, useReportTransition, type Refusal, type TransitionName } from './transitions';

/** The steps the caller may take on this report, and what came of the last one. */
export function ReportActions({ report }: { report: Report }) {
  const { t } = useTranslation('reports');
  const { data: me } = useMe();
  const allowed = allowedActions(report, me?.id, abilitiesOf(me));
  const transition = useReportTransition();
  const { announce, toast } = useAnnouncer();
  const [open, setOpen] = useState<'return' | 'withdraw' | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  // The button just pressed is gone with the old status: focus stays in this place.
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  if (!anyAllowed(allowed) && !refusal && !done) return null;

  const run = (action: TransitionName, text?: string) => {
    if (transition.isPending) return;
    setRefusal(null);
    setDone(null);
    if (!text) setOpen(null);
    transition.mutate(
      { id: report.id, action, text },
      {
        onSuccess: (next) => {
          const message = t('actions.done', { action, status: t(`common:status.${next.status}`) });
          setOpen(null);
          setDone(message);
          announce(message, 'polite');
        },
        onError: (error) => {
          const result = refusalOf(error);
          // A 400 on the comment or reason stays in its open form, on the field.
          if (text && result.kind === 'fields') return;
          setOpen(null);
          if (result.kind === 'forbidden') toast(t('actions.forbidden'), 'error');
          else if (result.kind === 'failed' || result.kind === 'gone')
            toast(t('actions.failed'), 'error');
          else setRefusal(result);
        },
      },
    );
  };

  const toggle = (form: 'return' | 'withdraw') => {
    setRefusal(null);
    transition.reset();
    setOpen((current) => (current === form ? null : form));
  };
  const busy = transition.isPending;
  const canEdit = report.status === 'draft' && allowed.edit;

  return (
    <section
      className={anyAllowed(allowed) ? 'report-actions' : 'report-actions report-actions-done'}
      aria-labelledby="actions-heading"
    >
      <h2 id="actions-heading" className="visually-hidden">
        {t('actions.label')}
      </h2>
      {done ? (
        <p className="notice" ref={doneRef} tabIndex={-1}>
          {done}
        </p>
      ) : null}
      <RefusalNotice
        refusal={open ? null : refusal}
        reportId={report.id}
        canEdit={canEdit}
        linkToFields
      />
      <div className="row">
        {allowed.submit ? (
          <button
            type="button"
            className="button"
            aria-disabled={busy || undefined}
            onClick={() => run('submit')}
          >
            {t('actions.submit')}
          </button>
        ) : null}
        {allowed.publish ? (
          <button
            type="button"
            className="button"
            aria-disabled={busy || undefined}
            onClick={() => run('publish')}
          >
            {t('actions.publish')}
          </button>
        ) : null}
        {allowed.return ? (
          <button
            type="button"
            className="button button-secondary"
            aria-expanded={open === 'return'}
            aria-controls={open === 'return' ? 'return-form' : undefined}
            onClick={() => toggle('return')}
          >
            {t('actions.return')}
          </button>
        ) : null}
        {allowed.withdraw ? (
          <button
            type="button"
            className="button button-warning"
            aria-expanded={open === 'withdraw'}
            aria-controls={open === 'withdraw' ? 'withdraw-form' : undefined}
            onClick={() => toggle('withdraw')}
          >
            {t('actions.withdraw')}
          </button>
        ) : null}
        {allowed.edit ? (
          <Link to={`/reports/${report.id}/edit`} className="button button-secondary">
            {t('actions.edit')}
          </Link>
        ) : null}
        {allowed.amend ? (
          <Link to={`/reports/${report.id}/edit`} className="button button-secondary">
            {t('actions.amend')}
          </Link>
        ) : null}
      </div>
      {open ? (
        <div id={`${open}-form`}>
          <CommentForm
            key={open}
            field={open === 'return' ? 'comment' : 'reason'}
            label={t(open === 'return' ? 'actions.comment' : 'actions.reason')}
            hint={t(open === 'return' ? 'actions.commentHint' : 'actions.reasonHint')}
            requiredMessage={t(
              open === 'return' ? 'actions.commentRequired' : 'actions.reasonRequired',
            )}
            submitLabel={t(open === 'return' ? 'actions.confirmReturn' : 'actions.confirmWithdraw')}
            warning={open === 'withdraw'}
            busy={busy}
            error={transition.error}
            onSubmit={(text) => run(open, text)}
            onCancel={() => setOpen(null)}
          />
        </div>
      ) : null}
    </section>
  );
}
