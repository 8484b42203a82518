/** STIX 2.1 export of reports (issue 9; docs/stix.md): pure mapping, ids, TLP 2.0 markings. */
export * from './uuid-v5';
export * from './stix-ids';
export * from './tlp-markings';
export * from './rilon-extension';
export * from './report-markdown';
export * from './report-to-stix';
export * from './stix-bundle';
