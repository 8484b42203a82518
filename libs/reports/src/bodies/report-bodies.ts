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

/**
 * Own keys only: `in` also finds what BODY_CLASSES inherits, so a `type` of `__proto__`,
 * `constructor` or `toString` picked Object.prototype or a function as the body class, and
 * class-transformer threw on it (a 500).
 */
export function bodyClassFor(type: unknown): new () => object {
  return typeof type === 'string' && Object.hasOwn(BODY_CLASSES, type)
    ? BODY_CLASSES[type as ReportType]
    : UnknownBodyDto;
}
