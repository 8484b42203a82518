import { z } from 'zod';
import type { ReportType } from './codes';
import { envelopeShape, type EnvelopeValues } from './envelope-schema';
import * as statistics from './migration-statistics/schema';
import * as modus from './modus-operandi/schema';
import type { Translate } from './schema-parts';
import * as training from './training-offer/schema';
import * as visa from './visa-fraud-trend/schema';

/** What each report type brings to the one form: its empty values, rules and field names. */
interface BodyDefinition<V> {
  empty: () => V;
  schema: (t: Translate) => z.ZodType<Record<string, unknown>>;
  values: (body: Record<string, unknown>) => V;
  fields: (values: V) => string[];
}

export type BodyValues =
  | visa.VisaFraudTrendValues
  | modus.ModusOperandiValues
  | statistics.MigrationStatisticsValues
  | training.TrainingOfferValues;

const BODIES: {
  visa_fraud_trend: BodyDefinition<visa.VisaFraudTrendValues>;
  modus_operandi: BodyDefinition<modus.ModusOperandiValues>;
  migration_statistics: BodyDefinition<statistics.MigrationStatisticsValues>;
  training_offer: BodyDefinition<training.TrainingOfferValues>;
} = {
  visa_fraud_trend: {
    empty: visa.emptyVisaFraudTrend,
    schema: visa.visaFraudTrendSchema,
    values: visa.visaFraudTrendValues,
    fields: visa.visaFraudTrendFields,
  },
  modus_operandi: {
    empty: modus.emptyModusOperandi,
    schema: modus.modusOperandiSchema,
    values: modus.modusOperandiValues,
    fields: modus.modusOperandiFields,
  },
  migration_statistics: {
    empty: statistics.emptyMigrationStatistics,
    schema: statistics.migrationStatisticsSchema,
    values: statistics.migrationStatisticsValues,
    fields: statistics.migrationStatisticsFields,
  },
  training_offer: {
    empty: training.emptyTrainingOffer,
    schema: training.trainingOfferSchema,
    values: training.trainingOfferValues,
    fields: training.trainingOfferFields,
  },
};

/** The form's values: the envelope and the body of one type, all as the inputs hold them. */
export type ReportFormValues = EnvelopeValues & { body: BodyValues };

/** What the schema hands to the save: the envelope fields and the body as the API takes it. */
export type ReportPayload = Omit<EnvelopeValues, 'tlp'> & {
  tlp: Exclude<EnvelopeValues['tlp'], ''>;
  body: Record<string, unknown>;
};

function body(type: ReportType): BodyDefinition<BodyValues> {
  return BODIES[type] as unknown as BodyDefinition<BodyValues>;
}

export const emptyBody = (type: ReportType): BodyValues => body(type).empty();
export const bodyValues = (type: ReportType, stored: Record<string, unknown>): BodyValues =>
  body(type).values(stored);

/** The whole form's rules; RED's recipients are checked even while other fields are wrong. */
export function reportSchema(type: ReportType, t: Translate) {
  return z
    .object({ ...envelopeShape(t), body: body(type).schema(t) })
    .refine((v) => v.tlp !== 'RED' || v.distribution.userIds.length > 0, {
      message: t('validation.redRecipients'),
      path: ['distribution', 'userIds'],
      when: (payload) => {
        const v = payload.value as Partial<EnvelopeValues> | undefined;
        return Array.isArray(v?.distribution?.userIds);
      },
    }) as unknown as z.ZodType<ReportPayload, ReportFormValues>;
}

const ENVELOPE_FIELDS = [
  'title',
  'summary',
  'urgent',
  'sourceReliability',
  'informationCredibility',
  'tlp',
  'distribution',
  'distribution.teamIds',
  'distribution.userIds',
];

/** Every field name the form shows now, as the server names them (for placeErrors). */
export function formFieldNames(type: ReportType, values: ReportFormValues): string[] {
  return [
    ...ENVELOPE_FIELDS,
    ...body(type)
      .fields(values.body)
      .map((name) => `body.${name}`),
  ];
}
