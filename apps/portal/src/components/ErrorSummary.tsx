import { useEffect, useRef } from 'react';
import { useTranslation } from '../lib/i18n/i18n';

export interface SummaryItem {
  /** The id of the field's input, or null for an error that belongs to no field. */
  fieldId: string | null;
  message: string;
}

/**
 * The GOV.UK error summary: at the top of a form, it takes focus when errors arrive and
 * links to each field (the link moves focus to the input itself).
 */
export function ErrorSummary({ items }: { items: SummaryItem[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const key = items.map((item) => `${item.fieldId}:${item.message}`).join('|');
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (items.length === 0) return null;
  return (
    <div
      className="error-summary"
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title">{t('error.summaryTitle')}</h2>
      <ul>
        {items.map((item, index) => (
          <li key={`${item.fieldId ?? 'form'}-${index}`}>
            {item.fieldId ? (
              <a
                href={`#${item.fieldId}`}
                onClick={(event) => {
                  const target = document.getElementById(item.fieldId ?? '');
                  if (!target) return;
                  event.preventDefault();
                  target.scrollIntoView({ block: 'center' });
                  target.focus();
                }}
              >
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
