import { z } from 'zod';
import { AIRPORT_CODE, DETECTION_POINT_TYPES, LOCATION_CODE } from '../codes';
import { choice, code, type Translate } from '../schema-parts';

export interface DetectionPointValues {
  type: string;
  code: string;
  country: string;
}

/** DetectionPointDto: where detections happened; the code is optional and left out when blank. */
export const detectionPoint = (t: Translate) =>
  z
    .object({
      type: choice(t, DETECTION_POINT_TYPES),
      code: z.string().trim().toUpperCase(),
      country: code(t, 'country'),
    })
    .superRefine((point, ctx) => {
      // An airport is named by its IATA code; other points by an optional short code.
      if (!point.code) return;
      const ok = point.type === 'airport' ? AIRPORT_CODE : LOCATION_CODE;
      if (!ok.test(point.code))
        ctx.addIssue({
          code: 'custom',
          path: ['code'],
          message: t(point.type === 'airport' ? 'validation.iata' : 'validation.locationCode'),
        });
    })
    .transform(({ code: c, ...rest }) => (c ? { ...rest, code: c } : rest));
