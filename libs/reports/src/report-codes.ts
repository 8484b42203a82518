/** The closed vocabularies of reports (docs/domain.md, "Reports"). */
export const REPORT_TYPES = [
  'visa_fraud_trend',
  'modus_operandi',
  'migration_statistics',
  'training_offer',
] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

export const TLPS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type Tlp = (typeof TLPS)[number];

export const REPORT_STATUSES = ['draft', 'submitted', 'published', 'withdrawn'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const SOURCE_RELIABILITIES = ['A', 'B', 'C', 'X'] as const;
export const INFORMATION_CREDIBILITIES = ['1', '2', '3', '4'] as const;

/** TLPs whose reads are audited (docs/domain.md, "The audit log"). */
export const AUDITED_READ_TLPS: readonly Tlp[] = ['AMBER', 'AMBER+STRICT', 'RED'];

export function isTeamTlp(tlp: Tlp): boolean {
  return tlp === 'AMBER' || tlp === 'AMBER+STRICT';
}

export const DOCUMENT_TYPES = [
  'passport',
  'visa',
  'residence_permit',
  'identity_card',
  'seafarer_document',
  'other',
] as const;
export const FRAUD_TYPES = [
  'counterfeit',
  'forgery',
  'fraudulently_obtained',
  'impostor',
  'stolen_blank',
  'pseudo_document',
] as const;
export const DIRECTIONS = ['entry', 'exit', 'transit'] as const;
export const DETECTION_POINT_TYPES = [
  'airport',
  'seaport',
  'land_border',
  'inland',
  'consulate',
] as const;
export const TRENDS = ['new', 'increasing', 'stable', 'decreasing'] as const;
export const CRIME_TYPES = ['smuggling', 'trafficking'] as const;
export const TRANSPORT_MODES = ['air', 'sea', 'land'] as const;
export const MO_METHODS = [
  'document_fraud',
  'visa_abuse',
  'corruption',
  'concealment',
  'maritime_vessel',
  'online_recruitment',
  'deceptive_job_offer',
  'informal_value_transfer',
  'escorted_travel',
  'transit_abuse',
  'other',
] as const;
export const TRAINING_TOPICS = [
  'document_examination',
  'interviewing',
  'intelligence_analysis',
  'maritime_interdiction',
  'victim_identification',
  'border_management',
  'legal_cooperation',
  'other',
] as const;
export const DELIVERY_MODES = ['in_person', 'online', 'hybrid'] as const;
