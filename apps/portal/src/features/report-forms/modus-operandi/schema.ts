import { z } from 'zod';
import { CRIME_TYPES, MO_METHODS, TRANSPORT_MODES } from '../codes';
import {
  emptyRoute,
  ROUTE_FIELDS,
  routeSchema,
  routeValues,
  type RouteValues,
} from '../route-schema';
import { choice, optionalPastDate, textList, type Translate } from '../schema-parts';
import { rowNames, rows, strings, text } from '../stored-values';

export interface ModusOperandiValues {
  crimeType: string;
  transportModes: string[];
  route: RouteValues;
  methods: string[];
  description: string;
  indicators: Array<{ value: string }>;
  countermeasures: Array<{ value: string }>;
  firstObserved: string;
}

export const emptyModusOperandi = (): ModusOperandiValues => ({
  crimeType: '',
  transportModes: [],
  route: emptyRoute(),
  methods: [],
  description: '',
  indicators: [],
  countermeasures: [],
  firstObserved: '',
});

/** One or more codes of a closed list, checkboxes in the form. */
const someOf = <T extends readonly [string, ...string[]]>(t: Translate, values: T) =>
  z.array(z.enum(values)).min(1, t('validation.chooseSome'));

/** ModusOperandiBodyDto's rules, on the form's values. */
export const modusOperandiSchema = (t: Translate) =>
  z
    .object({
      crimeType: choice(t, CRIME_TYPES),
      transportModes: someOf(t, TRANSPORT_MODES),
      route: routeSchema(t),
      methods: someOf(t, MO_METHODS),
      description: z
        .string()
        .refine((v) => v.trim().length > 0, t('validation.required'))
        .refine((v) => v.length <= 20000, t('validation.tooLong', { max: 20000 })),
      indicators: textList(t, 30, 1000),
      countermeasures: textList(t, 30, 1000),
      firstObserved: optionalPastDate(t),
    })
    .transform(({ route, indicators, countermeasures, firstObserved, ...rest }) => ({
      ...rest,
      ...(route ? { route } : {}),
      ...(indicators ? { indicators } : {}),
      ...(countermeasures ? { countermeasures } : {}),
      ...(firstObserved ? { firstObserved } : {}),
    }));

export function modusOperandiValues(body: Record<string, unknown>): ModusOperandiValues {
  return {
    crimeType: text(body.crimeType),
    transportModes: strings(body.transportModes),
    route: routeValues(body.route),
    methods: strings(body.methods),
    description: text(body.description),
    indicators: rows(body.indicators),
    countermeasures: rows(body.countermeasures),
    firstObserved: text(body.firstObserved),
  };
}

export function modusOperandiFields(values: ModusOperandiValues): string[] {
  return [
    'crimeType',
    'transportModes',
    ...ROUTE_FIELDS,
    'methods',
    'description',
    ...rowNames('indicators', values.indicators),
    ...rowNames('countermeasures', values.countermeasures),
    'firstObserved',
  ];
}
