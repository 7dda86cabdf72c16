import { randomBytes } from 'node:crypto';

/** 24 random bytes = 192 bits, which base64url spells in exactly 32 characters without padding. */
const INVITE_TOKEN_BYTES = 24;

/** A fresh, unguessable league invite token, safe to put in a URL as is. */
export function newInviteToken(): string {
  return randomBytes(INVITE_TOKEN_BYTES).toString('base64url');
}
