import { Link } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { fieldId } from '../../lib/forms';
import { useTranslation } from '../../lib/i18n/i18n';
import { fieldLabelOf } from './field-labels';
import type { Refusal } from './transitions';

interface Props {
  refusal: Refusal | null;
  reportId: string;
  /** The edit page can fix it (a draft the caller may edit); otherwise the lead returns it. */
  canEdit: boolean;
  /** The page shows the report's text, so each summary entry can link to where it is. */
  linkToFields: boolean;
  /** Which report it was, where the page lists several. */
  context?: string;
}

/**
 * A refused step, shown where it happened: personal data found (422) as an error summary
 * that names each field in words, a conflict (409) as an alert. 403 and other failures
 * are toasts, raised by the caller.
 */
export function RefusalNotice({ refusal, reportId, canEdit, linkToFields, context }: Props) {
  const { t } = useTranslation('reports');
  if (!refusal) return null;
  if (refusal.kind === 'fields') {
    const items = refusal.errors.map((error) => {
      const label = fieldLabelOf(error.field);
      const name = label.key
        ? label.item
          ? t('field.item', { label: t(label.key), number: label.item })
          : t(label.key)
        : error.field;
      return {
        fieldId: linkToFields && label.field ? fieldId(label.field) : null,
        message: t('actions.personalDataItem', { field: name, message: error.message }),
      };
    });
    return (
      <div className="refusal">
        {context ? <p dir="auto">{context}</p> : null}
        <ErrorSummary items={items} />
        <p>{t('actions.personalData')}</p>
        <p>
          {canEdit ? (
            <Link to={`/reports/${reportId}/edit`}>{t('actions.editToFix')}</Link>
          ) : (
            t('actions.returnToFix')
          )}
        </p>
      </div>
    );
  }
  if (refusal.kind === 'conflict')
    return (
      <div className="alert" role="alert">
        {context ? <p dir="auto">{context}</p> : null}
        <p>{t('actions.conflict', { detail: refusal.detail })}</p>
        {refusal.existingReportId ? (
          <p>
            <Link to={`/reports/${refusal.existingReportId}`}>{t('actions.existing')}</Link>
          </p>
        ) : null}
      </div>
    );
  return null;
}
