import * as countries from 'i18n-iso-countries';
import { countryLocation, type StixObject } from '../stix/report-to-stix';
import { rilonExtensionDefinition } from '../stix/rilon-extension';
import { rilonIdentity } from '../stix/stix-bundle';
import { RILON_STIX_EPOCH } from '../stix/stix-ids';
import { TLP_EXTENSION_DEFINITION, TLP_MARKINGS } from '../stix/tlp-markings';
import type { TaxiiScope } from './taxii-objects.repository';
import { fromMicros, toMicros, type TaxiiPosition } from './taxii-position';

/** One of the fixed objects a collection serves before any report. */
export interface PreludeEntry {
  position: TaxiiPosition;
  object: StixObject;
}

/**
 * What every report of a collection refers to, served first (docs/stix.md, "TAXII"): the
 * RILON identity, the TLP 2.0 extension and the markings the collection uses (CLEAR for the
 * locations, GREEN in the network's, AMBER in a team's), the RILON extension definition,
 * and a location per ISO country. They never change, so each is added at the RILON epoch
 * plus its index in microseconds: distinct times, before anything the database stamps.
 */
export function taxiiPrelude(scope: TaxiiScope, schemaUrl: string): PreludeEntry[] {
  const markings =
    scope.kind === 'network'
      ? [TLP_MARKINGS.CLEAR, TLP_MARKINGS.GREEN]
      : [TLP_MARKINGS.CLEAR, TLP_MARKINGS.AMBER];
  const locations = Object.keys(countries.getAlpha3Codes())
    .sort()
    .map(countryLocation)
    .filter((l): l is StixObject => l !== null);
  const objects: StixObject[] = [
    rilonIdentity(),
    { ...TLP_EXTENSION_DEFINITION },
    ...markings.map((m) => ({ ...m })),
    rilonExtensionDefinition(schemaUrl) as StixObject,
    ...locations,
  ];
  const epoch = toMicros(RILON_STIX_EPOCH);
  return objects.map((object, i) => ({
    position: { dateAdded: fromMicros(epoch + BigInt(i)), seq: '0' },
    object,
  }));
}
