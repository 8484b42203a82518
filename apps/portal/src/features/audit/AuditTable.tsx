import type { Ref } from 'react';
import type { Schemas } from '../../lib/api/client';
import { useTranslation } from '../../lib/i18n/i18n';

export type AuditEvent = Schemas['AuditEventDto'];

/**
 * Audit times in UTC, to the second: the filters are whole UTC days, and an auditor
 * compares entries across the region's time zones. Gregorian whatever the language.
 * The day and the time are two lines, which keeps the wide table narrower.
 */
function formatUtc(iso: string, language: string): [string, string] {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return [iso, ''];
  const locale = language === 'en' ? 'en-GB' : language;
  const common = { calendar: 'gregory', timeZone: 'UTC' } as const;
  return [
    new Intl.DateTimeFormat(locale, { ...common, dateStyle: 'medium' }).format(date),
    new Intl.DateTimeFormat(locale, { ...common, timeStyle: 'medium', hourCycle: 'h23' }).format(
      date,
    ),
  ];
}

/** Ids and codes are left-to-right tokens inside any text direction: each in its own <bdi>. */
function Code({ value }: { value: string | null }) {
  const { t } = useTranslation('audit');
  if (value === null || value === '') return <span className="muted">{t('table.none')}</span>;
  return (
    <bdi>
      <code>{value}</code>
    </bdi>
  );
}

/**
 * The entries, one row each, newest first. The table scrolls sideways on narrow screens
 * inside a focusable region, so a keyboard can scroll it too.
 */
export function AuditTable({
  events,
  bodyRef,
}: {
  events: AuditEvent[];
  bodyRef?: Ref<HTMLTableSectionElement>;
}) {
  const { t, i18n } = useTranslation('audit');
  return (
    <div
      className="table-wrap audit-table-wrap"
      role="region"
      aria-labelledby="audit-table-caption"
      tabIndex={0}
    >
      <table className="audit-table">
        <caption id="audit-table-caption">{t('table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.time')}</th>
            <th scope="col" className="number">
              {t('table.seq')}
            </th>
            <th scope="col">{t('table.actor')}</th>
            <th scope="col">{t('table.action')}</th>
            <th scope="col">{t('table.target')}</th>
            <th scope="col">{t('table.outcome')}</th>
            <th scope="col">{t('table.ip')}</th>
            <th scope="col">{t('table.requestId')}</th>
            <th scope="col">{t('table.details')}</th>
          </tr>
        </thead>
        <tbody ref={bodyRef}>
          {events.map((event) => {
            const [day, clock] = formatUtc(event.occurredAt, i18n.language);
            const details = Object.keys(event.details).length ? JSON.stringify(event.details) : '';
            return (
              <tr key={event.id} tabIndex={-1}>
                <td className="audit-time">
                  <time dateTime={event.occurredAt}>
                    {day} <span className="audit-clock">{clock}</span>
                  </time>
                </td>
                <td className="number">{event.seq}</td>
                <td className="audit-id">
                  <Code value={event.actorId} />
                </td>
                <td>
                  <Code value={event.action} />
                </td>
                <td className="audit-id">
                  {event.targetType === null && event.targetId === null ? (
                    <Code value={null} />
                  ) : (
                    <>
                      <Code value={event.targetType} /> <Code value={event.targetId} />
                    </>
                  )}
                </td>
                <td>
                  <span className="tag audit-outcome" data-outcome={event.outcome}>
                    {t(`outcome.${event.outcome}`)}
                  </span>
                </td>
                <td>
                  <Code value={event.ip} />
                </td>
                <td className="audit-id">
                  <Code value={event.requestId} />
                </td>
                <td className="audit-details">
                  <Code value={details} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
