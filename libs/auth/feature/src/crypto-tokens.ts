import { createHash, randomBytes } from 'node:crypto';

/** 256-bit URL-safe random token. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
