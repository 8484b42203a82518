import { randomUUID } from 'node:crypto';
import type { ReportRow } from '../report.view';
import { rilonExtensionDefinition } from './rilon-extension';
import { reportToStix, type StixObject, type StixTeam } from './report-to-stix';
import { RILON_STIX_EPOCH, stixIds } from './stix-ids';
import { TLP_EXTENSION_DEFINITION, TLP_MARKINGS } from './tlp-markings';

/** The network as a STIX organisation: creator of the extension and the country locations. */
export function rilonIdentity(): StixObject {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: stixIds.rilon(),
    created: RILON_STIX_EPOCH,
    modified: RILON_STIX_EPOCH,
    name: 'RILON',
    description: 'Regional Immigration Liaison Officer Network (Bali Process)',
    identity_class: 'organization',
  };
}

export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

/**
 * A bundle of reports: first what they use (the RILON identity, the TLP 2.0 extension and
 * the marking definitions they carry, the RILON extension), then each report's objects,
 * every object once. `schemaUrl` is where the API serves the RILON extension's schema.
 */
export function stixBundle(
  reports: Array<{ report: ReportRow; team: StixTeam }>,
  schemaUrl: string,
): StixBundle {
  const objects = new Map<string, StixObject>();
  const add = (o: StixObject): void => {
    if (!objects.has(o.id)) objects.set(o.id, o);
  };
  add(rilonIdentity());
  add({ ...TLP_EXTENSION_DEFINITION });
  const mapped = reports.map(({ report, team }) => reportToStix(report, team));
  const used = new Set(mapped.flat().flatMap((o) => (o.object_marking_refs as string[]) ?? []));
  for (const marking of Object.values(TLP_MARKINGS)) if (used.has(marking.id)) add({ ...marking });
  add(rilonExtensionDefinition(schemaUrl) as StixObject);
  for (const o of mapped.flat()) add(o);
  return { type: 'bundle', id: `bundle--${randomUUID()}`, objects: [...objects.values()] };
}
