import { registerDecorator, ValidationOptions } from 'class-validator';
import * as countries from 'i18n-iso-countries';

/** An ISO 3166-1 alpha-3 code, upper case, from the maintained `i18n-iso-countries` list. */
export function isCountryAlpha3(value: unknown): boolean {
  return typeof value === 'string' && /^[A-Z]{3}$/.test(value) && countries.isValid(value);
}

// Shaped like an IANA name ("Asia/Bangkok", "America/Argentina/Buenos_Aires", "UTC"):
// keeps out the raw offsets ("+05:30") and abbreviations ("EST") that Intl also accepts.
const IANA_SHAPE = /^(UTC|[A-Z][A-Za-z_-]+(\/[A-Z0-9][A-Za-z0-9_+-]*){1,2})$/;

/**
 * An IANA time zone the runtime knows. Intl.supportedValuesOf('timeZone') lists only
 * ICU's canonical names (Asia/Rangoon, not Asia/Yangon), so the check asks Intl to use
 * the zone instead.
 */
export function isIanaTimeZone(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 64 || !IANA_SHAPE.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function decorator(name: string, message: string, test: (value: unknown) => boolean) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target: object, propertyName: string | symbol) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: String(propertyName),
        options: { message, ...options },
        validator: { validate: test },
      });
}

export const IsCountryAlpha3 = decorator(
  'isCountryAlpha3',
  '$property must be an ISO 3166-1 alpha-3 country code',
  isCountryAlpha3,
);

export const IsIanaTimeZone = decorator(
  'isIanaTimeZone',
  '$property must be an IANA time zone such as Asia/Bangkok',
  isIanaTimeZone,
);
