import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Whether `value` holds a line break or another control character: C0 (U+0000–U+001F,
 * tab, CR and LF included), DEL, C1 (U+0080–U+009F, NEL included), and the Unicode line
 * and paragraph separators U+2028 and U+2029.
 */
export function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/**
 * A single-line text: names and titles stand in e-mail subjects and headers, notification
 * titles and webhook payloads, where a line break starts a new header or a forged line
 * (and PostgreSQL refuses a NUL with an error). Non-strings are left to @IsString.
 */
export function IsSingleLine(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSingleLine',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !hasControlCharacter(value),
        defaultMessage: () =>
          '$property must be a single line, without line breaks or control characters',
      },
    },
    options,
  );
}
