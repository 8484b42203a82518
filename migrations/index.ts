import { CreateFoundation1764300000000 } from './1764300000000-CreateFoundation';
import { SeedMembers1764300001000 } from './1764300001000-SeedMembers';
import { CreateReports1764300002000 } from './1764300002000-CreateReports';
import { CreateNotifications1764300003000 } from './1764300003000-CreateNotifications';
import { AddOutboxEventKey1764300004000 } from './1764300004000-AddOutboxEventKey';
import { AddOutboxFannedOutAt1764300005000 } from './1764300005000-AddOutboxFannedOutAt';
import { AddWebhookChangedEvent1764300006000 } from './1764300006000-AddWebhookChangedEvent';
import { AddOutboxSentAt1764300007000 } from './1764300007000-AddOutboxSentAt';
import { CreateSessionSpentSecrets1764300008000 } from './1764300008000-CreateSessionSpentSecrets';
import { CreateRuntimeRoleAndCheckpoints1764300010000 } from './1764300010000-CreateRuntimeRoleAndCheckpoints';
import { SealWebhookSecrets1764300011000 } from './1764300011000-SealWebhookSecrets';
import { CreateTaxii1764300012000 } from './1764300012000-CreateTaxii';
import { ScaleAuditIndexes1764300013000 } from './1764300013000-ScaleAuditIndexes';
import { ScaleStatisticsRollup1764300014000 } from './1764300014000-ScaleStatisticsRollup';
import { ScaleReportIndexes1764300015000 } from './1764300015000-ScaleReportIndexes';
import { CreateStatisticsAndEnrolments1764300002500 } from './1764300002500-CreateStatisticsAndEnrolments';

/** Every migration in order; listed as classes so compiled and test runs load the same set. */
export const MIGRATIONS = [
  CreateFoundation1764300000000,
  SeedMembers1764300001000,
  CreateReports1764300002000,
  CreateNotifications1764300003000,
  AddOutboxEventKey1764300004000,
  AddOutboxFannedOutAt1764300005000,
  AddWebhookChangedEvent1764300006000,
  AddOutboxSentAt1764300007000,
  CreateStatisticsAndEnrolments1764300002500,
  CreateSessionSpentSecrets1764300008000,
  CreateRuntimeRoleAndCheckpoints1764300010000,
  SealWebhookSecrets1764300011000,
  CreateTaxii1764300012000,
  ScaleAuditIndexes1764300013000,
  ScaleStatisticsRollup1764300014000,
  ScaleReportIndexes1764300015000,
];
