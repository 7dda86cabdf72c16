import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACCESS_TOKEN } from '@auction/auth-guard';
import { mint } from '../../load/population.js';

const expiryOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number }).exp * 1000;

describe('a load run’s people', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('always hand out a token that is still valid, however long the run (endurance outlives a token)', () => {
    vi.useFakeTimers({ now: new Date('2026-12-02T18:00:00.000Z') });
    const person = mint('a-secret-long-enough-for-the-tests-0123456789', 'bidder');
    const first = person.token;
    expect(person.token).toBe(first);
    for (let minute = 1; minute <= 120; minute++) {
      vi.setSystemTime(new Date('2026-12-02T18:00:00.000Z').getTime() + minute * 60_000);
      expect(expiryOf(person.token) - Date.now()).toBeGreaterThanOrEqual((ACCESS_TOKEN.ttlSeconds * 1000) / 2);
    }
    expect(person.token).not.toBe(first);
  });
});
