import {
  INFORMATION_CREDIBILITIES,
  REPORT_TYPES,
  SOURCE_RELIABILITIES,
  TLPS,
} from '../report-codes';
import { RILON_STIX_EPOCH, stixIds } from './stix-ids';

/** Where GET /api/v1/stix/extension-schema is, below the API's public address. */
export const RILON_EXTENSION_SCHEMA_PATH = '/api/v1/stix/extension-schema';

/**
 * The extension-definition of the RILON property extension: it carries the typed report
 * (envelope codes and body) on the STIX `report`, so RILON-to-RILON exchange loses nothing.
 */
export function rilonExtensionDefinition(schemaUrl: string): Record<string, unknown> {
  return {
    type: 'extension-definition',
    spec_version: '2.1',
    id: stixIds.extension(),
    created_by_ref: stixIds.rilon(),
    created: RILON_STIX_EPOCH,
    modified: RILON_STIX_EPOCH,
    name: 'RILON report',
    description:
      'The structured RILON report behind a STIX report: type, version, status, evaluation ' +
      'codes, countries and the typed body (property names in snake_case).',
    schema: schemaUrl,
    version: '1.0.0',
    extension_types: ['property-extension'],
  };
}

const text = { type: 'string' } as const;
const texts = { type: 'array', items: text } as const;
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const code3 = { type: 'string', pattern: '^[A-Z]{3}$' } as const;
const route = {
  type: 'object',
  required: ['origin', 'destination'],
  properties: { origin: code3, transit: { type: 'array', items: code3 }, destination: code3 },
} as const;

/** The body of each report type, as docs/domain.md describes it, in snake_case. */
const BODIES: Record<(typeof REPORT_TYPES)[number], Record<string, unknown>> = {
  visa_fraud_trend: {
    type: 'object',
    required: [
      'document_type',
      'issuing_country',
      'fraud_type',
      'persons_detected',
      'documents_detected',
      'direction',
      'period_start',
      'period_end',
      'trend',
    ],
    properties: {
      document_type: text,
      issuing_country: code3,
      fraud_type: text,
      persons_detected: { type: 'integer', minimum: 0 },
      documents_detected: { type: 'integer', minimum: 0 },
      direction: text,
      period_start: date,
      period_end: date,
      holder_nationalities: { type: 'array', items: code3 },
      detection_points: {
        type: 'array',
        items: {
          type: 'object',
          required: ['type', 'country'],
          properties: { type: text, code: text, country: code3 },
        },
      },
      route,
      compromised_features: texts,
      trend: text,
      indicators: texts,
    },
  },
  modus_operandi: {
    type: 'object',
    required: ['crime_type', 'transport_modes', 'methods', 'description'],
    properties: {
      crime_type: text,
      transport_modes: texts,
      route,
      methods: texts,
      description: text,
      indicators: texts,
      countermeasures: texts,
      first_observed: date,
    },
  },
  migration_statistics: {
    type: 'object',
    required: ['reporting_country', 'period', 'observations'],
    properties: {
      reporting_country: code3,
      period: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
      observations: {
        type: 'array',
        items: {
          type: 'object',
          required: ['indicator', 'nationality', 'border_type', 'count'],
          properties: {
            indicator: text,
            nationality: code3,
            border_type: text,
            count: { type: 'integer', minimum: 0 },
          },
        },
      },
    },
  },
  training_offer: {
    type: 'object',
    required: [
      'topic',
      'provider',
      'delivery_mode',
      'start_date',
      'end_date',
      'application_deadline',
      'seats',
      'languages',
    ],
    properties: {
      topic: text,
      provider: text,
      delivery_mode: text,
      location: {
        type: 'object',
        required: ['city', 'country'],
        properties: { city: text, country: code3 },
      },
      start_date: date,
      end_date: date,
      application_deadline: date,
      seats: { type: 'integer', minimum: 1 },
      languages: texts,
      eligibility: text,
    },
  },
};

/** The JSON Schema of the extension's properties, served at RILON_EXTENSION_SCHEMA_PATH. */
export function rilonExtensionSchema(schemaUrl: string): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: schemaUrl,
    title: 'RILON report (STIX 2.1 property extension)',
    description: `The properties of ${stixIds.extension()} on a STIX report (docs/stix.md).`,
    type: 'object',
    required: [
      'extension_type',
      'rilon_id',
      'report_type',
      'version',
      'status',
      'tlp',
      'urgent',
      'source_reliability',
      'information_credibility',
      'countries',
      'body',
    ],
    properties: {
      extension_type: { const: 'property-extension' },
      rilon_id: { type: 'string', format: 'uuid' },
      report_type: { enum: [...REPORT_TYPES] },
      version: { type: 'integer', minimum: 1 },
      status: { enum: ['published', 'withdrawn'] },
      tlp: { enum: [...TLPS] },
      urgent: { type: 'boolean' },
      source_reliability: { enum: [...SOURCE_RELIABILITIES] },
      information_credibility: { enum: [...INFORMATION_CREDIBILITIES] },
      countries: {
        type: 'array',
        items: code3,
        description: 'ISO alpha-3 and ICAO XXA, XXB, XXC, XXX',
      },
      body: { type: 'object' },
    },
    additionalProperties: false,
    allOf: REPORT_TYPES.map((t) => ({
      if: { properties: { report_type: { const: t } } },
      then: { properties: { body: BODIES[t] } },
    })),
  };
}
