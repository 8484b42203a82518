import { ValidationOptions, registerDecorator } from 'class-validator';
import { isCountryCode, isLanguageCode, isNationalityCode } from './code-lists';

function codeDecorator(
  name: string,
  test: (value: unknown) => boolean,
  message: string,
): (options?: ValidationOptions) => PropertyDecorator {
  return (options?: ValidationOptions) => (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message, ...options },
      validator: { validate: (value: unknown) => test(value) },
    });
}

export const IsCountryCode = codeDecorator(
  'isCountryCode',
  isCountryCode,
  '$property must be an ISO 3166-1 alpha-3 country code',
);
export const IsNationalityCode = codeDecorator(
  'isNationalityCode',
  isNationalityCode,
  '$property must be an ISO 3166-1 alpha-3 code or XXA, XXB, XXC, XXX',
);
export const IsLanguageCode = codeDecorator(
  'isLanguageCode',
  isLanguageCode,
  '$property must hold ISO 639-1 language codes',
);
