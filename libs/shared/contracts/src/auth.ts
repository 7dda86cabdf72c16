import { z } from 'zod';
import { text } from './text.js';

export const emailSchema = text({ max: 254, trim: true }).toLowerCase().pipe(z.email());

export const magicLinkRequest = z.strictObject({ email: emailSchema });
export type MagicLinkRequest = z.infer<typeof magicLinkRequest>;

export const verifyMagicLinkRequest = z.strictObject({ token: text({ min: 16, max: 200 }) });
export const refreshRequest = z.strictObject({ refreshToken: text({ min: 16, max: 300 }) });
export const logoutRequest = refreshRequest;
export const updateMeRequest = z.strictObject({
  displayName: text({ min: 1, max: 60, trim: true }),
});

export interface User {
  id: string;
  email: string;
  displayName: string;
  createdAt: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export interface SignInResult extends TokenPair {
  user: User;
  /** The first league this sign-in joined through an invitation to the address, if any. */
  joinedLeagueId?: string;
  /** Every league this sign-in joined through invitations to the address (by any sign-in link). */
  joinedLeagues?: Array<{ leagueId: string; name: string }>;
}

/** Claims of an access token (HS256, iss/aud pinned). */
export interface AccessClaims {
  sub: string;
  email: string;
  name: string;
}
