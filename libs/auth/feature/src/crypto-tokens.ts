import { createHash, createHmac, randomBytes } from 'node:crypto';

/** 256-bit URL-safe random token. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The refresh token that replaces `parent`: derived, not random, so every use of one token
 * inside the reuse grace is answered with the same successor instead of a new live branch.
 * Only the server (holding `secret`) and the holder of `parent` can compute it.
 */
export function successorToken(secret: string, parent: string): string {
  return createHmac('sha256', secret).update('refresh-successor:').update(parent).digest('base64url');
}
