import type { ReportType } from '../report-codes';
import { MigrationStatisticsBodyDto } from './migration-statistics.dto';
import { ModusOperandiBodyDto } from './modus-operandi.dto';
import { TrainingOfferBodyDto } from './training-offer.dto';
import { VisaFraudTrendBodyDto } from './visa-fraud-trend.dto';

export type ReportBodyDto =
  VisaFraudTrendBodyDto | ModusOperandiBodyDto | MigrationStatisticsBodyDto | TrainingOfferBodyDto;

/** The body class chosen by the envelope's `type`. */
export const BODY_CLASSES: Record<ReportType, new () => ReportBodyDto> = {
  visa_fraud_trend: VisaFraudTrendBodyDto,
  modus_operandi: ModusOperandiBodyDto,
  migration_statistics: MigrationStatisticsBodyDto,
  training_offer: TrainingOfferBodyDto,
};

/**
 * The body of an envelope whose `type` is missing or unknown: it has no properties, so the
 * whitelist refuses whatever it holds (the `type` error says what is wrong).
 */
export class UnknownBodyDto {}

export function bodyClassFor(type: unknown): new () => object {
  return typeof type === 'string' && type in BODY_CLASSES
    ? BODY_CLASSES[type as ReportType]
    : UnknownBodyDto;
}
