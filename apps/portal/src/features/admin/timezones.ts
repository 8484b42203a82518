// The server's shape check (libs/network validation): Intl also knows raw offsets and
// abbreviations, which the server refuses, so only names of this shape are offered.
const IANA_SHAPE = /^(UTC|[A-Z][A-Za-z_-]+(\/[A-Z0-9][A-Za-z0-9_+-]*){1,2})$/;

export interface ZoneGroup {
  /** The area before the first slash ("Asia"), or "UTC" alone. */
  area: string;
  zones: string[];
}

/** The IANA zones the browser knows, by area, each area and its zones in alphabetical order. */
export function timeZoneGroups(
  zones: readonly string[] = Intl.supportedValuesOf('timeZone'),
): ZoneGroup[] {
  const groups = new Map<string, string[]>();
  for (const zone of new Set([...zones, 'UTC'])) {
    if (!IANA_SHAPE.test(zone)) continue;
    const area = zone.includes('/') ? zone.slice(0, zone.indexOf('/')) : zone;
    const list = groups.get(area) ?? [];
    list.push(zone);
    groups.set(area, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([area, list]) => ({ area, zones: list.sort((a, b) => a.localeCompare(b)) }));
}

/** "Asia/Ho_Chi_Minh" → "Asia/Ho Chi Minh (UTC+07:00)": the offset now, to recognise it. */
export function zoneLabel(zone: string, at: Date = new Date()): string {
  const name = zone.replace(/_/g, ' ');
  try {
    const offset = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value;
    // "GMT" alone is UTC itself; "GMT+07:00" reads better as UTC+07:00.
    const utc = !offset || offset === 'GMT' ? 'UTC' : offset.replace('GMT', 'UTC');
    return zone === 'UTC' ? name : `${name} (${utc})`;
  } catch {
    return name;
  }
}
