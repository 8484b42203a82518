import { Fragment, type ReactNode } from 'react';
import { fieldId } from '../../lib/forms';
import { useTranslation } from '../../lib/i18n/i18n';
import { useLabels } from './labels';

/** A summary list (term, value) that skips the values a report does not give. */
export function Facts({ rows }: { rows: Array<[string, ReactNode]> }) {
  const shown = rows.filter(([, value]) => value !== undefined && value !== null && value !== '');
  if (shown.length === 0) return null;
  return (
    <dl className="summary-list">
      {shown.map(([term, value]) => (
        <Fragment key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/**
 * A part of the body under its own heading. Its anchor is the field's id, so that a
 * refusal's error summary can link to the text it found personal data in.
 */
export function Part({
  field,
  title,
  children,
}: {
  field?: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section
      className="report-part"
      id={field ? fieldId(field) : undefined}
      tabIndex={field ? -1 : undefined}
    >
      <h3>{title}</h3>
      {children}
    </section>
  );
}

/** Short texts written by the author (indicators, countermeasures, features). */
export function TextList({ items }: { items: readonly string[] | undefined }) {
  const { t } = useTranslation('reports');
  if (!items || items.length === 0) return <p className="muted">{t('body.empty')}</p>;
  return (
    <ul>
      {items.map((item, index) => (
        <li key={index} dir="auto" className="user-text">
          {item}
        </li>
      ))}
    </ul>
  );
}

export function CountryList({ codes }: { codes: readonly string[] | undefined }) {
  const { countryWithCode } = useLabels();
  if (!codes || codes.length === 0) return null;
  return <>{codes.map(countryWithCode).join(', ')}</>;
}

interface Route {
  origin: string;
  transit?: string[];
  destination: string;
}

/** Origin, transit countries, destination: a list in order, each stop named by its role. */
export function RouteView({ route }: { route: Route | undefined }) {
  const { t } = useTranslation('reports');
  const { countryWithCode } = useLabels();
  if (!route) return null;
  const stops: Array<[string, string]> = [
    [t('body.origin'), route.origin],
    ...(route.transit ?? []).map((code): [string, string] => [t('body.transit'), code]),
    [t('body.destination'), route.destination],
  ];
  return (
    <Part title={t('body.route')}>
      <ol className="route-list">
        {stops.map(([role, code], index) => (
          <li key={index}>
            <span className="route-role">{role}:</span> {countryWithCode(code)}
          </li>
        ))}
      </ol>
    </Part>
  );
}

/** "2026-08-01 to 2026-08-31" as dates in words. */
export function useDateRange() {
  const { t, i18n } = useTranslation('reports');
  return (
    start: string | undefined,
    end: string | undefined,
    format: (iso: string, locale: string) => string,
  ) =>
    start && end
      ? t('body.periodRange', {
          start: format(start, i18n.language),
          end: format(end, i18n.language),
        })
      : undefined;
}
