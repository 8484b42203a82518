import { z } from 'zod';
import { BORDER_TYPES, STATISTICS_INDICATORS } from '../codes';
import { choice, code, month, wholeNumber, type Translate } from '../schema-parts';
import { objects, text } from '../stored-values';
import { findDuplicates } from './duplicates';
import { MAX_OBSERVATIONS, type ObservationRow } from './observations-csv';

export interface MigrationStatisticsValues {
  reportingCountry: string;
  period: string;
  observations: ObservationRow[];
}

export const emptyObservation = (): ObservationRow => ({
  indicator: '',
  nationality: '',
  borderType: '',
  count: '',
});

export const emptyMigrationStatistics = (): MigrationStatisticsValues => ({
  reportingCountry: '',
  period: '',
  observations: [emptyObservation()],
});

/** MigrationStatisticsBodyDto's rules; a repeated (indicator, nationality, borderType) blocks sending. */
export const migrationStatisticsSchema = (t: Translate) =>
  z.object({
    reportingCountry: code(t, 'country'),
    period: month(t),
    observations: z
      .array(
        z
          .object({
            indicator: choice(t, STATISTICS_INDICATORS),
            nationality: code(t, 'nationality'),
            borderType: choice(t, BORDER_TYPES),
            count: wholeNumber(t, 0, 1_000_000_000),
          })
          // The CSV line a row came from is the form's, never the server's.
          .transform(({ indicator, nationality, borderType, count }) => ({
            indicator,
            nationality,
            borderType,
            count,
          })),
      )
      .min(1, t('validation.noObservations'))
      .max(MAX_OBSERVATIONS, t('validation.tooMany', { max: MAX_OBSERVATIONS }))
      .superRefine((rows, ctx) => {
        const groups = findDuplicates(rows);
        if (groups.length)
          ctx.addIssue({
            code: 'custom',
            message: t('validation.duplicates', { count: groups.length }),
          });
      }),
  });

export function migrationStatisticsValues(
  body: Record<string, unknown>,
): MigrationStatisticsValues {
  return {
    reportingCountry: text(body.reportingCountry),
    period: text(body.period),
    observations: objects(body.observations).map((o) => ({
      indicator: text(o.indicator),
      nationality: text(o.nationality),
      borderType: text(o.borderType),
      count: text(o.count),
    })),
  };
}

export function migrationStatisticsFields(values: MigrationStatisticsValues): string[] {
  return [
    'reportingCountry',
    'period',
    'observations',
    ...values.observations.flatMap((_, i) =>
      ['indicator', 'nationality', 'borderType', 'count'].map((k) => `observations.${i}.${k}`),
    ),
  ];
}
