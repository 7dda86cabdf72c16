import { describe, expect, it } from 'vitest';
import { leaderboardCsv } from './leaderboard-csv.js';

describe('leaderboard.csv', () => {
  it('writes the header, then one row per manager with the sport’s tie-breaks in their order', () => {
    const csv = leaderboardCsv('cricket', {
      leagueId: 'l1',
      entries: [
        { rank: 1, userId: 'u1', displayName: 'Ann', points: 235, spent: 40, tiebreaks: { catches: 3, stumpings: 1, runOuts: 2 } },
        { rank: 2, userId: 'u2', displayName: '=cmd()', points: 0, spent: 0, tiebreaks: { catches: 0, stumpings: 0, runOuts: 0 } },
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      'rank,manager,userId,points,spent,catches,stumpings,runOuts',
      '1,Ann,u1,235,40,3,1,2',
      "2,'=cmd(),u2,0,0,0,0,0",
      '',
    ]);
  });

  it('keeps the football columns for a league with no managers yet', () => {
    expect(leaderboardCsv('football', { leagueId: 'l1', entries: [] })).toBe('rank,manager,userId,points,spent,goals,wins\r\n');
  });
});
