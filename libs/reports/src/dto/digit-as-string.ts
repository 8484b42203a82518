/** SIENA's credibility codes are digits; accept 2 as well as "2". */
export function digitAsString({ value }: { value: unknown }): unknown {
  return typeof value === 'number' ? String(value) : value;
}
