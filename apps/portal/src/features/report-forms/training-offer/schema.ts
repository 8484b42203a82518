import { z } from 'zod';
import { DELIVERY_MODES, MEMBER_CODE, TRAINING_TOPICS } from '../codes';
import {
  choice,
  code,
  codeList,
  date,
  optionalText,
  requiredText,
  wholeNumber,
  type Translate,
} from '../schema-parts';
import { codes, text } from '../stored-values';

export interface TrainingOfferValues {
  topic: string;
  provider: string;
  deliveryMode: string;
  location: { city: string; country: string };
  startDate: string;
  endDate: string;
  applicationDeadline: string;
  seats: string;
  languages: string;
  eligibility: string;
}

export const emptyTrainingOffer = (): TrainingOfferValues => ({
  topic: '',
  provider: '',
  deliveryMode: '',
  location: { city: '', country: '' },
  startDate: '',
  endDate: '',
  applicationDeadline: '',
  seats: '',
  languages: '',
  eligibility: '',
});

/** TrainingOfferBodyDto's rules; an online course has no location, so none is checked or sent. */
export const trainingOfferSchema = (t: Translate) => {
  const location = z.object({ city: requiredText(t, 120), country: code(t, 'country') });
  return z
    .object({
      topic: choice(t, TRAINING_TOPICS),
      provider: z.string().regex(MEMBER_CODE, t('validation.choose')),
      deliveryMode: choice(t, DELIVERY_MODES),
      location: z.object({ city: z.string(), country: z.string() }),
      startDate: date(t),
      endDate: date(t),
      applicationDeadline: date(t),
      seats: wholeNumber(t, 1, 1000),
      languages: codeList(t, 'language', { min: 1, max: 20 }),
      eligibility: optionalText(t, 2000),
    })
    .transform(({ location: place, eligibility, ...rest }, ctx) => {
      if (rest.endDate < rest.startDate)
        ctx.addIssue({
          code: 'custom',
          path: ['endDate'],
          message: t('validation.endBeforeStart'),
        });
      if (rest.applicationDeadline > rest.startDate)
        ctx.addIssue({
          code: 'custom',
          path: ['applicationDeadline'],
          message: t('validation.deadlineAfterStart'),
        });
      let checked: { city: string; country: string } | undefined;
      if (rest.deliveryMode !== 'online') {
        const result = location.safeParse(place);
        if (result.success) checked = result.data;
        else
          for (const issue of result.error.issues)
            ctx.addIssue({
              code: 'custom',
              path: ['location', ...issue.path.map(String)],
              message: issue.message,
            });
      }
      return {
        ...rest,
        ...(checked ? { location: checked } : {}),
        ...(eligibility.trim() ? { eligibility } : {}),
      };
    });
};

export function trainingOfferValues(body: Record<string, unknown>): TrainingOfferValues {
  const place = (body.location ?? {}) as Record<string, unknown>;
  return {
    topic: text(body.topic),
    provider: text(body.provider),
    deliveryMode: text(body.deliveryMode),
    location: { city: text(place.city), country: text(place.country) },
    startDate: text(body.startDate),
    endDate: text(body.endDate),
    applicationDeadline: text(body.applicationDeadline),
    seats: text(body.seats),
    languages: codes(body.languages),
    eligibility: text(body.eligibility),
  };
}

export function trainingOfferFields(): string[] {
  return [
    'topic',
    'provider',
    'deliveryMode',
    'location',
    'location.city',
    'location.country',
    'startDate',
    'endDate',
    'applicationDeadline',
    'seats',
    'languages',
    'eligibility',
  ];
}
