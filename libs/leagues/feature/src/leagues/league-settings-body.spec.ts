import { describe, expect, it } from 'vitest';
import { createLeagueBody, updateLeagueBody } from './league-settings-body.js';

describe('the league settings body', () => {
  it('refuses unknown fields and wrong types', () => {
    expect(createLeagueBody.safeParse({ name: 'A', sport: 'football', admin: true }).success).toBe(false);
    expect(createLeagueBody.safeParse({ name: 'A', sport: 'football', budget: '500' }).success).toBe(false);
    expect(createLeagueBody.safeParse({ name: 'A', sport: 'curling' }).success).toBe(false);
    expect(createLeagueBody.safeParse({ sport: 'football' }).success).toBe(false);
    expect(updateLeagueBody.safeParse({ status: 'completed' }).success).toBe(false);
  });

  it('leaves ranges to the settings rules, which word them for people', () => {
    expect(createLeagueBody.safeParse({ name: 'A', sport: 'football', budget: -5, rosterSize: 0, bidTimerSeconds: 1 }).success).toBe(true);
    expect(updateLeagueBody.safeParse({ scoringRules: { win: 3, corner: 1 } }).success).toBe(true);
    expect(updateLeagueBody.safeParse({}).success).toBe(true);
  });
});
