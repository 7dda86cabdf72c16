import { randomUUID } from 'node:crypto';
import { signAccessToken, type AuthUser } from '@auction/auth-guard';

export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-bytes-long!';

export interface TestUser extends AuthUser {
  token: string;
}

/** A user with a valid access token, without going through mail (for services other than auth). */
export function testUser(name = 'manager', secret = TEST_JWT_SECRET): TestUser {
  const id = randomUUID();
  const user = { id, email: `${name}-${id.slice(0, 8)}@club.test`, displayName: name };
  return { ...user, token: signAccessToken(secret, user, new Date()) };
}
