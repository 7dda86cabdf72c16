import { createHash } from 'node:crypto';
import type { SportKey } from '@auction/contracts';

/** Fixed namespace for catalogue asset ids; changing it would change every asset id. */
const CATALOGUE_NAMESPACE = '9c3bf60b-35f8-4774-88fe-2cdc98be054f';

/** A name-based UUID, version 5 (RFC 9562 §5.5): SHA-1 of namespace + name, with version and variant bits set. */
export function uuidV5(name: string, namespace: string): string {
  const digest = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = digest.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
}

/**
 * The UUID of a catalogue asset, derived from `sport:externalId`, so every process and every
 * database seeded from this catalogue agrees on it without a lookup.
 */
export function assetIdFor(sport: SportKey, externalId: string): string {
  return uuidV5(`${sport}:${externalId}`, CATALOGUE_NAMESPACE);
}
