import type { Tlp } from '../report-codes';

/** The OASIS TLP 2.0 extension (cti-stix-common-objects, extension-definition-specifications/tlp-2.0). */
export const TLP_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

/** A TLP 2.0 marking definition, field for field as OASIS publishes it. */
export interface TlpMarking {
  type: 'marking-definition';
  spec_version: '2.1';
  id: string;
  created: string;
  name: string;
  extensions: Record<string, { extension_type: 'property-extension'; tlp_2_0: string }>;
}

function marking(uuid: string, name: string, value: string): TlpMarking {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: `marking-definition--${uuid}`,
    created: '2022-10-01T00:00:00.000Z',
    name,
    extensions: { [TLP_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: value } },
  };
}

/**
 * The five fixed TLP 2.0 marking definitions, shipped verbatim (compared field by field
 * with objects/marking-definition/ and extension-definition-specifications/tlp-2.0/examples/
 * of oasis-open/cti-stix-common-objects; docs/stix.md, "TLP"). Consumers recognise them by id.
 */
export const TLP_MARKINGS: Readonly<Record<Tlp, TlpMarking>> = {
  CLEAR: marking('94868c89-83c2-464b-929b-a1a8aa3c8487', 'TLP:CLEAR', 'clear'),
  GREEN: marking('bab4a63c-aed9-4cf5-a766-dfca5abac2bb', 'TLP:GREEN', 'green'),
  AMBER: marking('55d920b0-5e8b-4f79-9ee9-91f868d9b421', 'TLP:AMBER', 'amber'),
  'AMBER+STRICT': marking(
    '939a9414-2ddd-4d32-a0cd-375ea402b003',
    'TLP:AMBER+STRICT',
    'amber+strict',
  ),
  RED: marking('e828b379-4e03-4974-9ac4-e53a884c97c1', 'TLP:RED', 'red'),
};

/** The TLP 2.0 extension definition itself, as OASIS publishes it (objects/extension-definition/). */
export const TLP_EXTENSION_DEFINITION = {
  id: TLP_EXTENSION_ID,
  type: 'extension-definition',
  spec_version: '2.1',
  name: 'TLP 2.0',
  description: 'This defines TLP 2.0 as a STIX extension',
  created: '2022-10-01T00:00:00.000Z',
  modified: '2022-10-01T00:00:00.000Z',
  created_by_ref: 'identity--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01',
  schema:
    'https://github.com/oasis-open/cti-stix-common-objects/tree/master/extension-definition-specifications/tlp-2.0',
  version: '1.0.0',
  extension_types: ['property-extension'],
} as const;
