import { uuidV5 } from './uuid-v5';

/**
 * The RILON namespace of every STIX id the portal makes (UUID v5 of this and a name), fixed
 * once: changing it would give every exported object a new identity (docs/stix.md, "Ids").
 */
export const RILON_STIX_NAMESPACE = '8573c510-a4e6-46b7-a7af-2d1dfc39e12f';

/** When the objects RILON itself defines (its identity, its extension, countries) were made. */
export const RILON_STIX_EPOCH = '2026-01-01T00:00:00.000Z';

const id = (type: string, name: string): string => `${type}--${uuidV5(name, RILON_STIX_NAMESPACE)}`;

export const stixIds = {
  /** The network itself: creator of the extension definition and the country locations. */
  rilon: (): string => id('identity', 'rilon'),
  /** The authoring team as an organisation (never an officer). */
  team: (teamId: string): string => id('identity', `team:${teamId}`),
  report: (reportId: string): string => id('report', `report:${reportId}`),
  note: (reportId: string): string => id('note', `note:${reportId}`),
  /** One location per country, shared by every report that names it. */
  country: (alpha3: string): string => id('location', `country:${alpha3}`),
  extension: (): string => id('extension-definition', 'extension:rilon-report'),
};
