import type { ComponentType } from 'react';
import type { ReportType } from './codes';
import { MigrationStatisticsFields } from './migration-statistics/MigrationStatisticsFields';
import { ModusOperandiFields } from './modus-operandi/ModusOperandiFields';
import { TrainingOfferFields } from './training-offer/TrainingOfferFields';
import { VisaFraudTrendFields } from './visa-fraud-trend/VisaFraudTrendFields';

const FIELDS: Record<ReportType, ComponentType> = {
  visa_fraud_trend: VisaFraudTrendFields,
  modus_operandi: ModusOperandiFields,
  migration_statistics: MigrationStatisticsFields,
  training_offer: TrainingOfferFields,
};

/** The body's fields for the report's type. */
export function TypeFields({ type }: { type: ReportType }) {
  const Fields = FIELDS[type];
  return <Fields />;
}
