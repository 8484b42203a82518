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
export function ErrorSummary({
  items,
  level = 2,
}: {
  items: SummaryItem[];
  /** The summary's heading level: one below the section it sits in (2 under the h1). */
  level?: 2 | 3 | 4;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const key = items.map((item) => `${item.fieldId}:${item.message}`).join('|');
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (items.length === 0) return null;
  const Heading = `h${level}` as const;
  return (
    <div
      className="error-summary"
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
    >
      <Heading id="error-summary-title">{t('error.summaryTitle')}</Heading>
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
