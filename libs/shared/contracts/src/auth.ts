import { z } from 'zod';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email());

export const magicLinkRequest = z.strictObject({ email: emailSchema });
export type MagicLinkRequest = z.infer<typeof magicLinkRequest>;

export const verifyMagicLinkRequest = z.strictObject({ token: z.string().min(16).max(200) });
export const refreshRequest = z.strictObject({ refreshToken: z.string().min(16).max(300) });
export const logoutRequest = refreshRequest;
export const updateMeRequest = z.strictObject({
  displayName: z.string().trim().min(1).max(60),
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
  /** League joined through an invitation link, if the link carried one. */
  joinedLeagueId?: string;
}

/** Claims of an access token (HS256, iss/aud pinned). */
export interface AccessClaims {
  sub: string;
  email: string;
  name: string;
}
