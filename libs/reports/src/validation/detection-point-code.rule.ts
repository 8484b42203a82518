import {
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { AIRPORT_CODE } from './code-lists';

/** An airport's code is its IATA code; other points carry a short location code. */
@ValidatorConstraint({ name: 'detectionPointCode' })
export class DetectionPointCodeRule implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    if (typeof value !== 'string') return false;
    const type = (args.object as { type?: unknown }).type;
    return type === 'airport' ? AIRPORT_CODE.test(value) : /^[A-Z0-9]{2,8}$/.test(value);
  }

  defaultMessage(args: ValidationArguments): string {
    return (args.object as { type?: unknown }).type === 'airport'
      ? 'code must be an IATA airport code (three capital letters)'
      : 'code must be 2-8 capital letters or digits';
  }
}
