import * as countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import type { ReportRow } from '../report.view';
import { reportMarkdown } from './report-markdown';
import { RILON_STIX_EPOCH, stixIds } from './stix-ids';
import { TLP_MARKINGS } from './tlp-markings';

countries.registerLocale(en);

export type StixObject = Record<string, unknown> & { type: string; id: string };

/** The authoring team as the report names it: STIX credits the team, never an officer. */
export interface StixTeam {
  id: string;
  name: string;
}

/** camelCase keys to snake_case, as STIX 2.1 wants property names (values untouched). */
export function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
      snakeKeys(v),
    ]),
  );
}

/** ISO 3166-1 alpha-2 for an alpha-3 country; undefined for the ICAO XX codes. */
export function alpha2(alpha3: string): string | undefined {
  return countries.alpha3ToAlpha2(alpha3) ?? undefined;
}

const tag = (key: string, value: unknown): string => `rilon:${key}="${String(value)}"`;
const kebab = (key: string): string => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The key fields of each type, as machine tags (`rilon:fraud-type="counterfeit"`). */
const KEY_FIELDS: Record<ReportRow['type'], string[]> = {
  visa_fraud_trend: ['documentType', 'issuingCountry', 'fraudType', 'direction', 'trend'],
  modus_operandi: ['crimeType', 'transportModes', 'methods'],
  migration_statistics: ['reportingCountry', 'period'],
  training_offer: ['topic', 'provider', 'deliveryMode'],
};

export function reportLabels(report: ReportRow): string[] {
  const body = report.body ?? {};
  const labels = [
    tag('type', report.type),
    tag('source-reliability', report.sourceReliability),
    tag('information-credibility', report.informationCredibility),
  ];
  if (report.urgent) labels.push(tag('urgent', true));
  for (const key of KEY_FIELDS[report.type]) {
    const value = body[key];
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value])
      labels.push(tag(kebab(key), v));
  }
  if (report.type === 'migration_statistics' && Array.isArray(body.observations))
    for (const i of new Set(body.observations.map((o: { indicator?: string }) => o.indicator)))
      labels.push(tag('indicator', i));
  for (const code of report.countries) labels.push(tag('country', code));
  return labels;
}

/** When this version was made: the withdrawal, else the last change (an amendment). */
function timesOf(report: ReportRow): { created: string; modified: string } {
  if (!report.publishedAt) throw new Error(`report ${report.id} was never published`);
  const created = report.publishedAt.getTime();
  const last = (report.withdrawnAt ?? report.updatedAt).getTime();
  return {
    created: new Date(created).toISOString(),
    modified: new Date(Math.max(created, last)).toISOString(),
  };
}

/** A team as a STIX organisation identity. */
export function teamIdentity(team: StixTeam): StixObject {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: stixIds.team(team.id),
    created_by_ref: stixIds.rilon(),
    created: RILON_STIX_EPOCH,
    modified: RILON_STIX_EPOCH,
    name: team.name,
    identity_class: 'organization',
    sectors: ['government-national'],
    external_references: [
      { source_name: 'rilon', external_id: team.id, description: 'RILON team id' },
    ],
  };
}

/** A country as a STIX location (alpha-2), created by RILON and marked CLEAR: it says nothing. */
export function countryLocation(alpha3: string): StixObject | null {
  const code = alpha2(alpha3);
  if (!code) return null;
  return {
    type: 'location',
    spec_version: '2.1',
    id: stixIds.country(alpha3),
    created_by_ref: stixIds.rilon(),
    created: RILON_STIX_EPOCH,
    modified: RILON_STIX_EPOCH,
    name: countries.getName(alpha3, 'en') ?? code,
    country: code,
    object_marking_refs: [TLP_MARKINGS.CLEAR.id],
  };
}

/**
 * One published (or withdrawn) report as STIX 2.1 (docs/stix.md, "Mapping"): the team's
 * identity, the country locations, a note with the body as Markdown, and the `report`
 * referring to them, carrying the typed report in the RILON property extension.
 */
export function reportToStix(report: ReportRow, team: StixTeam): StixObject[] {
  const { created, modified } = timesOf(report);
  const identity = teamIdentity(team);
  const locations = report.countries
    .map(countryLocation)
    .filter((l): l is StixObject => l !== null);
  const marking = [TLP_MARKINGS[report.tlp].id];
  const revoked = report.status === 'withdrawn' ? { revoked: true } : {};
  const reportId = stixIds.report(report.id);
  const common = {
    spec_version: '2.1',
    created_by_ref: identity.id,
    created,
    modified,
    ...revoked,
    object_marking_refs: marking,
  };
  const note: StixObject = {
    type: 'note',
    id: stixIds.note(report.id),
    ...common,
    abstract: report.title,
    content: reportMarkdown(report),
    object_refs: [reportId],
  };
  const stixReport: StixObject = {
    type: 'report',
    id: reportId,
    ...common,
    name: report.title,
    ...(report.summary ? { description: report.summary } : {}),
    published: created,
    report_types: [`rilon-${report.type.replace(/_/g, '-')}`],
    labels: reportLabels(report),
    external_references: [
      { source_name: 'rilon', external_id: report.id, description: 'RILON report id' },
    ],
    object_refs: [identity.id, note.id, ...locations.map((l) => l.id)],
    extensions: {
      [stixIds.extension()]: {
        extension_type: 'property-extension',
        rilon_id: report.id,
        report_type: report.type,
        version: report.version,
        status: report.status,
        tlp: report.tlp,
        urgent: report.urgent,
        source_reliability: report.sourceReliability,
        information_credibility: report.informationCredibility,
        countries: report.countries,
        body: snakeKeys(report.body ?? {}),
      },
    },
  };
  return [identity, ...locations, note, stixReport];
}
