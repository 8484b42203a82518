/** The TAXII 2.1 feed (issue 9; docs/stix.md, "TAXII"): the collection query and its positions. */
export * from './taxii-objects.repository';
export * from './taxii-position';
export * from './taxii-prelude';
export * from './taxii-feed.service';
