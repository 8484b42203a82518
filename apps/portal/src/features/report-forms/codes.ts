import countryTable from 'i18n-iso-countries/codes.json';
import ISO6391 from 'iso-639-1';
import type { Schemas } from '../../lib/api/client';
import type { SameValues } from '../../lib/api/same-values';
import { countryName, ICAO_CODES } from '../../lib/countries';

/**
 * The closed vocabularies of reports, as libs/reports/src/report-codes.ts and
 * statistics-codes.ts declare them (the server checks them again; these only save a trip).
 */
export const REPORT_TYPES = [
  'visa_fraud_trend',
  'modus_operandi',
  'migration_statistics',
  'training_offer',
] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

export const TLPS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type Tlp = (typeof TLPS)[number];
export const SOURCE_RELIABILITIES = ['A', 'B', 'C', 'X'] as const;
export const INFORMATION_CREDIBILITIES = ['1', '2', '3', '4'] as const;

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
export const STATISTICS_INDICATORS = [
  'irregular_border_crossing',
  'facilitator_detected',
  'refusal_of_entry',
  'illegal_stay',
  'fraudulent_document',
  'asylum_application',
  'trafficking_victim_identified',
  'return_decision',
  'effective_return',
] as const;
export const BORDER_TYPES = ['air', 'sea', 'land', 'inland', 'unspecified'] as const;
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

/** ISO 3166-1 from the maintained list the server uses too: [alpha-2, alpha-3] pairs. */
const COUNTRIES = countryTable.map(([alpha2, alpha3]) => ({
  alpha2: alpha2 ?? '',
  alpha3: alpha3 ?? '',
}));
const ALPHA3 = new Set(COUNTRIES.map((c) => c.alpha3));

/** ICAO Doc 9303 nationality codes: stateless, refugee (1951), refugee (other), unspecified. */
export const ICAO_NATIONALITY_CODES = ICAO_CODES;
const NATIONALITIES = new Set<string>([...ALPHA3, ...ICAO_NATIONALITY_CODES]);

export function isCountryCode(value: string): boolean {
  return ALPHA3.has(value);
}

export function isNationalityCode(value: string): boolean {
  return NATIONALITIES.has(value);
}

export function isLanguageCode(value: string): boolean {
  return /^[a-z]{2}$/.test(value) && ISO6391.validate(value);
}

/** A member code as the server's pattern has it (existence comes from GET /members). */
export const MEMBER_CODE = /^[A-Z][A-Z0-9]{1,15}$/;
export const AIRPORT_CODE = /^[A-Z]{3}$/;
export const LOCATION_CODE = /^[A-Z0-9]{2,8}$/;

/** Countries by alpha-3 with a name in the reader's language (lib/countries). */
export function countryOptions(locale: string): Array<{ code: string; name: string }> {
  return COUNTRIES.map((c) => ({
    code: c.alpha3,
    name: countryName(c.alpha3, locale) ?? c.alpha3,
  })).sort((a, b) => a.code.localeCompare(b.code));
}

export function languageOptions(): Array<{ code: string; name: string }> {
  return ISO6391.getAllCodes().map((code) => ({ code, name: ISO6391.getName(code) }));
}

// Each list above is the union the OpenAPI document declares (lib/api/same-values.ts).
type Body<N extends keyof Schemas> = Schemas[N];
type Visa = Body<'VisaFraudTrendBodyDto'>;
type ModusOperandi = Body<'ModusOperandiBodyDto'>;
type Training = Body<'TrainingOfferBodyDto'>;
type Observation = Body<'ObservationDto'>;
type Envelope = Body<'CreateReportDto'>;
export const VOCABULARIES_MATCH_THE_CONTRACT: [
  SameValues<typeof REPORT_TYPES, Envelope['type']>,
  SameValues<typeof TLPS, Envelope['tlp']>,
  SameValues<typeof SOURCE_RELIABILITIES, Envelope['sourceReliability']>,
  SameValues<typeof INFORMATION_CREDIBILITIES, Envelope['informationCredibility']>,
  SameValues<typeof DOCUMENT_TYPES, Visa['documentType']>,
  SameValues<typeof FRAUD_TYPES, Visa['fraudType']>,
  SameValues<typeof DIRECTIONS, Visa['direction']>,
  SameValues<typeof DETECTION_POINT_TYPES, Schemas['DetectionPointDto']['type']>,
  SameValues<typeof TRENDS, Visa['trend']>,
  SameValues<typeof CRIME_TYPES, ModusOperandi['crimeType']>,
  SameValues<typeof TRANSPORT_MODES, ModusOperandi['transportModes'][number]>,
  SameValues<typeof MO_METHODS, ModusOperandi['methods'][number]>,
  SameValues<typeof STATISTICS_INDICATORS, Observation['indicator']>,
  SameValues<typeof BORDER_TYPES, Observation['borderType']>,
  SameValues<typeof TRAINING_TOPICS, Training['topic']>,
  SameValues<typeof DELIVERY_MODES, Training['deliveryMode']>,
] = [
  REPORT_TYPES,
  TLPS,
  SOURCE_RELIABILITIES,
  INFORMATION_CREDIBILITIES,
  DOCUMENT_TYPES,
  FRAUD_TYPES,
  DIRECTIONS,
  DETECTION_POINT_TYPES,
  TRENDS,
  CRIME_TYPES,
  TRANSPORT_MODES,
  MO_METHODS,
  STATISTICS_INDICATORS,
  BORDER_TYPES,
  TRAINING_TOPICS,
  DELIVERY_MODES,
];
