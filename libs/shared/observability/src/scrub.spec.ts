import { describe, expect, it } from 'vitest';
import { scrubBreadcrumb, scrubEvent, scrubText } from './scrub.js';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEiLCJlbWFpbCI6ImFubkBjbHViLnRlc3QifQ.c2lnbmF0dXJlLXZhbHVl';

describe('error report scrubbing', () => {
  it('removes e-mail addresses, JWTs, bearer credentials and token parameters from text', () => {
    const text = `user ann.o'neil@club.example.org sent Bearer abc.def-123 with ${JWT} to /auth/callback?token=s3cr3t&x=1 and {"refreshToken":"r-123"}`;
    const scrubbed = scrubText(text);
    for (const secret of ['ann.o', 'club.example.org', 'abc.def-123', JWT, 's3cr3t', 'r-123']) expect(scrubbed).not.toContain(secret);
    expect(scrubbed).toContain('/auth/callback?token=[redacted]&x=1');
  });

  it('keeps only the request method, the path and harmless headers; the user by id only', () => {
    const event = scrubEvent({
      message: 'failed for bob@club.test',
      request: {
        method: 'POST',
        url: 'https://club.example/api/leagues/1/invitations?token=abc',
        headers: { Authorization: `Bearer ${JWT}`, Cookie: 'sid=1', 'x-request-id': 'req-1', 'user-agent': 'UA' },
        data: 'email\nbob@club.test\n',
        cookies: { sid: '1' },
        query_string: 'token=abc',
      } as never,
      user: { id: 'u-1', email: 'bob@club.test', ip_address: '10.0.0.1' } as never,
      extra: { body: { email: 'bob@club.test' }, inviteToken: 'inv-1', safe: 'kept' },
      tags: { request_id: 'req-1' },
    });
    expect(event.request).toEqual({
      method: 'POST',
      url: 'https://club.example/api/leagues/1/invitations',
      headers: { 'x-request-id': 'req-1', 'user-agent': 'UA' },
    });
    expect(event.user).toEqual({ id: 'u-1' });
    expect(event.extra).toEqual({ safe: 'kept' });
    expect(event.tags).toEqual({ request_id: 'req-1' });
    expect(JSON.stringify(event)).not.toMatch(/bob@|Bearer|sid=|inv-1|token=abc/);
  });

  it('cuts query strings from breadcrumb URLs and scrubs their messages', () => {
    const crumb = scrubBreadcrumb({
      category: 'navigation',
      message: 'signed in as cat@club.test',
      data: { from: '/auth/callback?token=magic-1', to: '/competitions', url: '/api/x?inviteToken=i-1', status_code: 200 },
    });
    expect(crumb).toEqual({
      category: 'navigation',
      message: 'signed in as [email]',
      data: { from: '/auth/callback', to: '/competitions', url: '/api/x', status_code: 200 },
    });
  });

  it('leaves an event without personal data as it was', () => {
    const event = { message: 'lot closer fell behind', tags: { service: 'auction-engine' }, level: 'error', user: undefined };
    expect(scrubEvent(event)).toEqual(event);
  });
});
