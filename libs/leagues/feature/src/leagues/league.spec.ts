import { describe, expect, it } from 'vitest';
import { toLeague, toMembership, type StoredLeague, type StoredMember } from './league.js';

const league: StoredLeague = {
  id: '0b1c7a8e-7a3a-4f0e-9d43-7f3f2f0c9a11',
  name: 'Clubhouse League',
  sport: 'football',
  competition: 'EPL',
  budget: 500,
  rosterSize: 3,
  minManagers: 2,
  maxManagers: 500,
  openingBid: 1,
  minIncrement: 1,
  bidTimerSeconds: 30,
  antiSnipeSeconds: 10,
  lotGapSeconds: 3,
  leadInSeconds: 10,
  nominationOrder: 'random',
  scoringRules: { win: 3, draw: 1, goal: 1 },
  status: 'open',
  inviteToken: 'secret-invite-token-32-characters',
  commissionerId: 'c0000000-0000-4000-8000-000000000001',
  auctionId: null,
  createdAt: new Date('2026-01-01T10:00:00Z'),
};

const member = (userId: string, role: StoredMember['role']): StoredMember => ({
  leagueId: league.id,
  userId,
  email: `${role}@club.test`,
  displayName: role,
  role,
  joinedAt: new Date('2026-01-01T10:00:00Z'),
});

describe('the league answer', () => {
  const members = [member(league.commissionerId, 'commissioner'), member('a0000000-0000-4000-8000-000000000002', 'manager')];

  it('carries the invite token for the commissioner only', () => {
    expect(toLeague(league, [], members, league.commissionerId).inviteToken).toBe(league.inviteToken);
    expect(toLeague(league, [], members, members[1]!.userId)).not.toHaveProperty('inviteToken');
  });

  it('never shows members’ email addresses', () => {
    const answer = toLeague(league, ['x'], members, league.commissionerId);
    expect(JSON.stringify(answer)).not.toContain('@club.test');
    expect(answer.members[1]).toEqual({
      userId: members[1]!.userId,
      displayName: 'manager',
      role: 'manager',
      joinedAt: '2026-01-01T10:00:00.000Z',
    });
    expect(toMembership(members[1]!)).toEqual({ leagueId: league.id, ...answer.members[1] });
  });
});
