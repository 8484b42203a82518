import { createHash } from 'node:crypto';

/**
 * RFC 9562 UUID version 5 (SHA-1 of a namespace and a name), so that a report exported
 * twice gets the same STIX id (docs/stix.md, "Ids"). STIX 2.1 accepts UUID versions 1 to 5
 * only, so the time-ordered v7 ids of the portal cannot be used as they are.
 */
export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (ns.length !== 16) throw new Error(`not a UUID: ${namespace}`);
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
