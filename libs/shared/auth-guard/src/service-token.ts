import jwt from 'jsonwebtoken';

const SERVICE_AUDIENCE = 'auction-platform/internal';

/** Short-lived token one service presents to another's `/internal` routes. */
export function signServiceToken(secret: string, service: string): string {
  return jwt.sign({ sub: service }, secret, { algorithm: 'HS256', audience: SERVICE_AUDIENCE, expiresIn: 60 });
}

export function isValidServiceToken(secret: string, token: string): boolean {
  try {
    jwt.verify(token, secret, { algorithms: ['HS256'], audience: SERVICE_AUDIENCE });
    return true;
  } catch {
    return false;
  }
}
