import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { DomainError, text, type AccessClaims } from '@auction/contracts';

export const ACCESS_TOKEN = {
  algorithm: 'HS256',
  issuer: 'auction-platform/auth',
  audience: 'auction-platform',
  ttlSeconds: 15 * 60,
} as const;

export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
}

export function signAccessToken(secret: string, user: AuthUser, now: Date): string {
  const claims: AccessClaims = { sub: user.id, email: user.email, name: user.displayName };
  const iat = Math.floor(now.getTime() / 1000);
  return jwt.sign({ ...claims, iat, exp: iat + ACCESS_TOKEN.ttlSeconds }, secret, {
    algorithm: ACCESS_TOKEN.algorithm,
    issuer: ACCESS_TOKEN.issuer,
    audience: ACCESS_TOKEN.audience,
  });
}

export interface VerifiedAccess {
  user: AuthUser;
  /** When the token stops being valid (its `exp`): a socket's rights end there. */
  expiresAt: Date;
}

/** Verifies an access token with the algorithm, issuer and audience pinned. */
export function verifyAccessToken(secret: string, token: string): VerifiedAccess {
  try {
    const claims = jwt.verify(token, secret, {
      algorithms: [ACCESS_TOKEN.algorithm],
      issuer: ACCESS_TOKEN.issuer,
      audience: ACCESS_TOKEN.audience,
    }) as jwt.JwtPayload & AccessClaims;
    return { user: userFromClaims(claims), expiresAt: new Date((claims.exp ?? 0) * 1000) };
  } catch (error) {
    throw accessTokenError(error);
  }
}

/** What a signature alone does not prove: the claims every access token we issue carries. */
const requiredClaims = z.object({ sub: z.uuid(), email: text({ max: 320 }), name: text({ max: 200 }).optional(), exp: z.number().int() });

/** Refuses (401 TOKEN_INVALID) a token without `exp` or whose `sub` is not a user id, before any query sees it. */
export function userFromClaims(claims: AccessClaims): AuthUser {
  const parsed = requiredClaims.safeParse(claims);
  if (!parsed.success) throw new DomainError('TOKEN_INVALID', 'The access token is not valid.');
  const { sub, email, name } = parsed.data;
  return { id: sub, email, displayName: name ?? email };
}

export function accessTokenError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof jwt.TokenExpiredError) return new DomainError('TOKEN_EXPIRED', 'Your session has expired.');
  return new DomainError('UNAUTHORIZED', 'Sign in to continue.');
}
