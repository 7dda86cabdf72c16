import { describe, expect, it } from 'vitest';
import { enabledSports, isSportKey, SPORTS } from './sports.js';

describe('SPORTS', () => {
  it('speaks of clubs in football and players in cricket', () => {
    expect(SPORTS.football.words).toEqual({ asset: 'Club', assets: 'Clubs' });
    expect(SPORTS.cricket.words).toEqual({ asset: 'Player', assets: 'Players' });
  });

  it('has the SPEC defaults, with a roster of 3 clubs or 11 players', () => {
    const common = {
      budget: 500,
      minManagers: 2,
      maxManagers: 500,
      openingBid: 1,
      minIncrement: 1,
      bidTimerSeconds: 30,
      antiSnipeSeconds: 10,
      lotGapSeconds: 3,
      leadInSeconds: 10,
      nominationOrder: 'random',
    };
    expect(SPORTS.football.defaults).toEqual({ ...common, rosterSize: 3, scoringRules: { win: 3, draw: 1, goal: 1 } });
    expect(SPORTS.cricket.defaults).toEqual({
      ...common,
      rosterSize: 11,
      scoringRules: { run: 1, wicket: 20, catch: 10, stumping: 25, runOut: 20 },
    });
  });

  it('lists each sport’s competitions', () => {
    expect(SPORTS.football.competitions.map((competition) => competition.key)).toEqual(['EPL', 'UCL']);
    expect(SPORTS.cricket.competitions).toEqual([{ key: 'ODI-NZ-ENG', name: 'New Zealand v England ODI series' }]);
  });
});

describe('enabledSports', () => {
  it('keeps only the configured sports, in catalogue order', () => {
    expect(enabledSports(['cricket']).map((sport) => sport.key)).toEqual(['cricket']);
    expect(enabledSports(['cricket', 'football']).map((sport) => sport.key)).toEqual(['football', 'cricket']);
    expect(enabledSports([])).toEqual([]);
  });
});

describe('isSportKey', () => {
  it('accepts only known sport keys', () => {
    expect(isSportKey('football')).toBe(true);
    expect(isSportKey('rugby')).toBe(false);
    expect(isSportKey('Football')).toBe(false);
  });
});
