import { describe, expect, it } from 'vitest';
import { magicLinkRequest } from '@auction/contracts';

describe('magicLinkRequest', () => {
  it('normalises the email and rejects unknown fields', () => {
    expect(magicLinkRequest.parse({ email: '  Ann@Club.ORG ' })).toEqual({ email: 'ann@club.org' });
    expect(magicLinkRequest.safeParse({ email: 'a@b.co', admin: true }).success).toBe(false);
    expect(magicLinkRequest.safeParse({ email: 'not-an-email' }).success).toBe(false);
  });
});
