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

/** Private-use marks around a code's place while its message is formatted. */
const MARK = /\uE000(\d+)\uE001/;

/**
 * A message with codes in it (a country code, a version number, a member code), each in
 * its own <bdi>: a left-to-right token keeps its order inside right-to-left text, and the
 * words and brackets around it stay where the language puts them. `message` formats the
 * message with the marks it is given in place of the codes.
 */
export function withCodes(
  message: (marks: Record<string, string>) => string,
  codes: Record<string, string>,
): ReactNode {
  const names = Object.keys(codes);
  const marks = Object.fromEntries(names.map((name, index) => [name, `\uE000${index}\uE001`]));
  const parts = message(marks).split(MARK);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 0 ? part : <bdi key={index}>{codes[names[Number(part)] ?? ''] ?? ''}</bdi>,
      )}
    </>
  );
}

/**
 * "Thailand (THA)", the code in <bdi>, and the whole in one too: a name in another script
 * than the page's (an English name on an Urdu page) reads with its brackets, and a list of
 * them keeps each code beside its own name.
 */
export function CountryWithCode({ code }: { code: string }) {
  const { t } = useTranslation('reports');
  const { country } = useLabels();
  return (
    <bdi>
      {withCodes((marks) => t('country.withCode', { name: country(code), ...marks }), { code })}
    </bdi>
  );
}

export function CountryList({ codes }: { codes: readonly string[] | undefined }) {
  if (!codes || codes.length === 0) return null;
  return (
    <>
      {codes.map((code, index) => (
        <Fragment key={index}>
          {index > 0 ? ', ' : null}
          <CountryWithCode code={code} />
        </Fragment>
      ))}
    </>
  );
}

interface Route {
  origin: string;
  transit?: string[];
  destination: string;
}

/** Origin, transit countries, destination: a list in order, each stop named by its role. */
export function RouteView({ route }: { route: Route | undefined }) {
  const { t } = useTranslation('reports');
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
            <span className="route-role">{role}:</span> <CountryWithCode code={code} />
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
