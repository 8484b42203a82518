import { z } from 'zod';
import { DIRECTIONS, DOCUMENT_TYPES, FRAUD_TYPES, TRENDS } from '../codes';
import {
  emptyRoute,
  ROUTE_FIELDS,
  routeSchema,
  routeValues,
  type RouteValues,
} from '../route-schema';
import {
  choice,
  code,
  codeList,
  date,
  textList,
  wholeNumber,
  type Translate,
} from '../schema-parts';
import { codes, objects, rowNames, rows, text } from '../stored-values';
import { detectionPoint, type DetectionPointValues } from './detection-point-schema';

export interface VisaFraudTrendValues {
  documentType: string;
  issuingCountry: string;
  fraudType: string;
  personsDetected: string;
  documentsDetected: string;
  direction: string;
  periodStart: string;
  periodEnd: string;
  holderNationalities: string;
  detectionPoints: DetectionPointValues[];
  route: RouteValues;
  compromisedFeatures: Array<{ value: string }>;
  trend: string;
  indicators: Array<{ value: string }>;
}

export const emptyVisaFraudTrend = (): VisaFraudTrendValues => ({
  documentType: '',
  issuingCountry: '',
  fraudType: '',
  personsDetected: '',
  documentsDetected: '',
  direction: '',
  periodStart: '',
  periodEnd: '',
  holderNationalities: '',
  detectionPoints: [],
  route: emptyRoute(),
  compromisedFeatures: [],
  trend: '',
  indicators: [],
});

/** VisaFraudTrendBodyDto's rules, on the form's values. */
export const visaFraudTrendSchema = (t: Translate) =>
  z
    .object({
      documentType: choice(t, DOCUMENT_TYPES),
      issuingCountry: code(t, 'country'),
      fraudType: choice(t, FRAUD_TYPES),
      personsDetected: wholeNumber(t, 0, 1_000_000),
      documentsDetected: wholeNumber(t, 0, 1_000_000),
      direction: choice(t, DIRECTIONS),
      periodStart: date(t, { past: true }),
      periodEnd: date(t, { past: true }),
      holderNationalities: codeList(t, 'nationality', { max: 50 }),
      detectionPoints: z.array(detectionPoint(t)).max(50, t('validation.tooMany', { max: 50 })),
      route: routeSchema(t),
      compromisedFeatures: textList(t, 30, 200),
      trend: choice(t, TRENDS),
      indicators: textList(t, 30, 1000),
    })
    .superRefine((body, ctx) => {
      if (body.periodEnd < body.periodStart)
        ctx.addIssue({
          code: 'custom',
          path: ['periodEnd'],
          message: t('validation.endBeforeStart'),
        });
    })
    .transform(({ holderNationalities, detectionPoints, route, ...rest }) => ({
      ...rest,
      ...(holderNationalities.length ? { holderNationalities } : {}),
      ...(detectionPoints.length ? { detectionPoints } : {}),
      ...(route ? { route } : {}),
    }));

/** A stored body back into the form's values (for editing). */
export function visaFraudTrendValues(body: Record<string, unknown>): VisaFraudTrendValues {
  return {
    documentType: text(body.documentType),
    issuingCountry: text(body.issuingCountry),
    fraudType: text(body.fraudType),
    personsDetected: text(body.personsDetected),
    documentsDetected: text(body.documentsDetected),
    direction: text(body.direction),
    periodStart: text(body.periodStart),
    periodEnd: text(body.periodEnd),
    holderNationalities: codes(body.holderNationalities),
    detectionPoints: objects(body.detectionPoints).map((p) => ({
      type: text(p.type),
      code: text(p.code),
      country: text(p.country),
    })),
    route: routeValues(body.route),
    compromisedFeatures: rows(body.compromisedFeatures),
    trend: text(body.trend),
    indicators: rows(body.indicators),
  };
}

/** Every field name of the form (relative to `body`), where server errors may land. */
export function visaFraudTrendFields(values: VisaFraudTrendValues): string[] {
  return [
    'documentType',
    'issuingCountry',
    'fraudType',
    'personsDetected',
    'documentsDetected',
    'direction',
    'periodStart',
    'periodEnd',
    'holderNationalities',
    'detectionPoints',
    ...values.detectionPoints.flatMap((_, i) =>
      ['type', 'code', 'country'].map((k) => `detectionPoints.${i}.${k}`),
    ),
    ...ROUTE_FIELDS,
    ...rowNames('compromisedFeatures', values.compromisedFeatures),
    'trend',
    ...rowNames('indicators', values.indicators),
  ];
}
