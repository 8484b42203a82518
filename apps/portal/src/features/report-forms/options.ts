import type { Option } from './fields';
import type { Translate } from './schema-parts';

/** A closed list's options with their labels and hints from the catalogue (`codes.<list>`). */
export function codeOptions(
  t: Translate,
  list: string,
  values: readonly string[],
  hints = true,
): Option[] {
  return values.map((value) => ({
    value,
    label: t(`codes.${list}.${value}.label`),
    hint: hints ? t(`codes.${list}.${value}.hint`) : undefined,
  }));
}
