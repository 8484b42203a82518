/** Reading a stored body (typed `unknown` by the API) back into the form's text values. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return '';
}

export function rows(value: unknown): Array<{ value: string }> {
  return strings(value).map((v) => ({ value: v }));
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function codes(value: unknown): string {
  return strings(value).join(', ');
}

export function objects(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value)
    ? value.filter((v): v is Record<string, unknown> => v !== null && typeof v === 'object')
    : [];
}

/** Field names of a repeatable text list's rows, where server errors may land. */
export function rowNames(name: string, list: unknown[]): string[] {
  return [name, ...list.map((_, i) => `${name}.${i}`)];
}
