import { ValidationArguments, ValidationOptions, registerDecorator } from 'class-validator';
import { isDateOnly, isMonth, isNotInFuture } from './date-rules';

type Decorator = PropertyDecorator;

function register(
  name: string,
  options: ValidationOptions,
  validate: (value: unknown, args: ValidationArguments) => boolean,
): Decorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: { validate },
    });
}

/** A calendar date `YYYY-MM-DD` that exists (no 2023-02-30). */
export function IsDateOnly(options: ValidationOptions = {}): Decorator {
  return register(
    'isDateOnly',
    { message: '$property must be a date YYYY-MM-DD', ...options },
    (v) => isDateOnly(v),
  );
}

/** A month `YYYY-MM`. */
export function IsMonth(options: ValidationOptions = {}): Decorator {
  return register('isMonth', { message: '$property must be a month YYYY-MM', ...options }, (v) =>
    isMonth(v),
  );
}

/** Not after today (in the time zone where today is latest); other checks own the format. */
export function NotInFuture(options: ValidationOptions = {}): Decorator {
  return register(
    'notInFuture',
    { message: '$property must not be in the future', ...options },
    (v) => !(isDateOnly(v) || isMonth(v)) || isNotInFuture(v),
  );
}

/** `value >= object[other]` when both are dates (the error lands on this property). */
export function NotBefore(other: string, options: ValidationOptions = {}): Decorator {
  return register(
    'notBefore',
    { message: `$property must not be before ${other}`, ...options },
    (v, args) => {
      const o = (args.object as Record<string, unknown>)[other];
      return !isDateOnly(v) || !isDateOnly(o) || v >= o;
    },
  );
}

/** `value <= object[other]` when both are dates. */
export function NotAfter(other: string, options: ValidationOptions = {}): Decorator {
  return register(
    'notAfter',
    { message: `$property must not be after ${other}`, ...options },
    (v, args) => {
      const o = (args.object as Record<string, unknown>)[other];
      return !isDateOnly(v) || !isDateOnly(o) || v <= o;
    },
  );
}
