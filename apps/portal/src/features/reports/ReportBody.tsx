import type { Schemas } from '../../lib/api/client';
import type { ReportType } from './codes';
import { MigrationStatisticsBody } from './MigrationStatisticsBody';
import { ModusOperandiBody } from './ModusOperandiBody';
import { TrainingOfferBody } from './TrainingOfferBody';
import { VisaFraudTrendBody } from './VisaFraudTrendBody';

/**
 * The body as its type describes it. The API types a read body loosely (any object), so
 * the type chosen by `type` is asserted here, in one place; each renderer copes with an
 * optional part left out.
 */
export function ReportBody({ type, body }: { type: ReportType; body: Record<string, unknown> }) {
  switch (type) {
    case 'visa_fraud_trend':
      return <VisaFraudTrendBody body={body as unknown as Schemas['VisaFraudTrendBodyDto']} />;
    case 'modus_operandi':
      return <ModusOperandiBody body={body as unknown as Schemas['ModusOperandiBodyDto']} />;
    case 'migration_statistics':
      return (
        <MigrationStatisticsBody body={body as unknown as Schemas['MigrationStatisticsBodyDto']} />
      );
    case 'training_offer':
      return <TrainingOfferBody body={body as unknown as Schemas['TrainingOfferBodyDto']} />;
  }
}
