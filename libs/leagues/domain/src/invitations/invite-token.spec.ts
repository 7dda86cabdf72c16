import { joinLeagueRequest } from '@auction/contracts';
import { describe, expect, it } from 'vitest';
import { newInviteToken } from './invite-token.js';

describe('newInviteToken', () => {
  it('is 24 random bytes in URL-safe base64 without padding', () => {
    const token = newInviteToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(24);
  });

  it('is accepted by the join request contract', () => {
    expect(joinLeagueRequest.safeParse({ inviteToken: newInviteToken() }).success).toBe(true);
  });

  it('never repeats', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newInviteToken()));
    expect(tokens.size).toBe(1000);
  });
});
