import type { CreateLeagueRequest, ScoringRules } from '@auction/contracts';
import { describe, expect, it } from 'vitest';
import { inMemoryCatalogue } from '../catalogue/catalogue-assets.js';
import { SPORTS } from '../sports/sports.js';
import { resolveLeagueSettings } from './resolve-league-settings.js';
import {
  ARSENAL,
  CHELSEA,
  cricket,
  football,
  issuesOf,
  REAL_MADRID,
  ROOT,
  settingsOf,
  UNKNOWN_ID,
  WILLIAMSON,
} from './settings.fixtures.js';

const catalogue = inMemoryCatalogue();
const resolveFootball = (overrides: Partial<CreateLeagueRequest> = {}) =>
  resolveLeagueSettings(football(overrides), SPORTS.football, catalogue);
const resolveCricket = (overrides: Partial<CreateLeagueRequest> = {}) =>
  resolveLeagueSettings(cricket(overrides), SPORTS.cricket, catalogue);

describe('resolveLeagueSettings: defaults', () => {
  it('fills every omitted football setting and auctions the whole Premier League', () => {
    const settings = settingsOf(resolveFootball());
    expect(settings).toMatchObject({
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
      nominationOrder: 'random',
      scoringRules: { win: 3, draw: 1, goal: 1 },
    });
    expect(settings.assetIds).toHaveLength(20);
    expect(settings.assetIds).toContain(ARSENAL);
  });

  it('uses cricket’s own roster size, scoring and squads', () => {
    const settings = settingsOf(resolveCricket());
    expect(settings.rosterSize).toBe(11);
    expect(settings.scoringRules).toEqual({ run: 1, wicket: 20, catch: 10, stumping: 25, runOut: 20 });
    expect(settings.competition).toBe('ODI-NZ-ENG');
    expect(settings.assetIds).toContain(WILLIAMSON);
    expect(settings.assetIds.length).toBeGreaterThanOrEqual(30);
  });

  it('does not share the default scoring rules object with the sport', () => {
    const settings = settingsOf(resolveFootball());
    expect(settings.scoringRules).not.toBe(SPORTS.football.defaults.scoringRules);
  });

  it('keeps the commissioner’s values and trims the name', () => {
    const settings = settingsOf(
      resolveFootball({ name: '  Friday Five  ', budget: 200, rosterSize: 5, bidTimerSeconds: 20, antiSnipeSeconds: 5 }),
    );
    expect(settings).toMatchObject({ name: 'Friday Five', budget: 200, rosterSize: 5, bidTimerSeconds: 20, antiSnipeSeconds: 5 });
  });

  it('refuses to resolve with a sport other than the one the input names', () => {
    expect(() => resolveLeagueSettings(football(), SPORTS.cricket, catalogue)).toThrow(/football/);
  });
});

describe('resolveLeagueSettings: nonsense numbers', () => {
  const cases: Array<[string, Partial<CreateLeagueRequest>, string, RegExp]> = [
    ['a negative budget', { budget: -5 }, 'budget', /budget per manager must be a whole number from 1 to 100,000 — you entered -5/],
    ['a fractional budget', { budget: 10.5 }, 'budget', /whole number/],
    ['an empty roster', { rosterSize: 0 }, 'rosterSize', /roster size must be a whole number from 1 to 50 clubs — you entered 0/],
    ['a one-second timer', { bidTimerSeconds: 1 }, 'bidTimerSeconds', /bid timer must be a whole number from 3 to 600 seconds/],
    ['10,000 managers', { maxManagers: 10_000 }, 'maxManagers', /maximum number of managers .* from 2 to 500 — you entered 10,000/],
    ['a single manager', { minManagers: 1 }, 'minManagers', /minimum number of managers .* from 2 to 500/],
    ['a 61-second anti-snipe', { antiSnipeSeconds: 61 }, 'antiSnipeSeconds', /anti-snipe time must be a whole number from 0 to 60 seconds/],
    ['a zero opening bid', { openingBid: 0 }, 'openingBid', /minimum opening bid must be a whole number from 1/],
    ['a zero increment', { minIncrement: 0 }, 'minIncrement', /minimum bid increment must be a whole number from 1/],
  ];

  it.each(cases)('rejects %s', (_label, overrides, path, message) => {
    const issues = issuesOf(resolveFootball(overrides));
    expect(issues).toEqual([{ path, message: expect.stringMatching(message) }]);
  });

  it('reports every broken setting at once', () => {
    const issues = issuesOf(resolveFootball({ budget: -1, rosterSize: 0, bidTimerSeconds: 1, maxManagers: 10_000 }));
    expect(issues.map((issue) => issue.path).sort()).toEqual(['bidTimerSeconds', 'budget', 'maxManagers', 'rosterSize']);
  });

  it('rejects a blank name', () => {
    expect(issuesOf(resolveFootball({ name: '   ' }))).toEqual([{ path: 'name', message: 'Give the league a name.' }]);
  });
});

describe('resolveLeagueSettings: rules between settings', () => {
  it('rejects an anti-snipe window longer than the bid timer', () => {
    const issues = issuesOf(resolveFootball({ bidTimerSeconds: 30, antiSnipeSeconds: 45 }));
    expect(issues).toEqual([
      {
        path: 'antiSnipeSeconds',
        message: "The anti-snipe time (45 seconds) can't be longer than the bid timer (30 seconds).",
      },
    ]);
  });

  it('accepts an anti-snipe window equal to the bid timer', () => {
    expect(settingsOf(resolveFootball({ bidTimerSeconds: 10, antiSnipeSeconds: 10 })).antiSnipeSeconds).toBe(10);
  });

  it('rejects more minimum managers than maximum', () => {
    const issues = issuesOf(resolveFootball({ minManagers: 10, maxManagers: 5 }));
    expect(issues).toEqual([{ path: 'minManagers', message: "The minimum number of managers (10) can't be more than the maximum (5)." }]);
  });

  it('rejects a roster nobody can afford, in the sport’s words', () => {
    const issues = issuesOf(resolveCricket({ budget: 500, openingBid: 50 }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'budget' });
    expect(issues[0]?.message).toContain('A full roster of 11 players at the minimum opening bid of 50 costs 550');
  });

  it('accepts a budget that exactly covers a full roster at the opening bid', () => {
    expect(settingsOf(resolveFootball({ budget: 30, rosterSize: 3, openingBid: 10 })).budget).toBe(30);
  });

  it('skips a rule between settings when one of them is already out of range', () => {
    const issues = issuesOf(resolveFootball({ bidTimerSeconds: 1, antiSnipeSeconds: 10 }));
    expect(issues.map((issue) => issue.path)).toEqual(['bidTimerSeconds']);
  });
});

describe('resolveLeagueSettings: scoring rules', () => {
  it('accepts the sport’s own rules with new points', () => {
    const rules = { win: 5, draw: 2, goal: 0 };
    expect(settingsOf(resolveFootball({ scoringRules: rules })).scoringRules).toEqual(rules);
  });

  it('rejects cricket rules in a football league with one plain message', () => {
    const issues = issuesOf(resolveFootball({ scoringRules: { run: 1, wicket: 20, catch: 10, stumping: 25, runOut: 20 } }));
    expect(issues).toEqual([
      { path: 'scoringRules', message: 'These are cricket scoring rules; a football league scores win, draw and goal.' },
    ]);
  });

  it('names unknown and missing rules', () => {
    const rules = { win: 3, goal: 1, wicket: 20 } as unknown as ScoringRules;
    const issues = issuesOf(resolveFootball({ scoringRules: rules }));
    expect(issues).toEqual([
      { path: 'scoringRules.wicket', message: 'Football has no scoring rule "wicket"; its rules are win, draw and goal.' },
      { path: 'scoringRules.draw', message: 'Give the points for a draw.' },
    ]);
  });

  it('rejects points outside the contract’s range', () => {
    const issues = issuesOf(resolveCricket({ scoringRules: { run: 1, wicket: 5000, catch: 10, stumping: 25, runOut: 1.5 } }));
    expect(issues.map((issue) => issue.path)).toEqual(['scoringRules.wicket', 'scoringRules.runOut']);
    expect(issues[0]?.message).toBe('Points for each wicket must be a whole number from -100 to 1,000 — you entered 5000.');
  });
});

describe('resolveLeagueSettings: asset pool', () => {
  it('auctions a whole competition', () => {
    const settings = settingsOf(resolveFootball({ competition: 'UCL' }));
    expect(settings.competition).toBe('UCL');
    expect(settings.assetIds).toHaveLength(36);
    expect(settings.assetIds).toContain(REAL_MADRID);
  });

  it('rejects a competition the sport does not have, listing the choices', () => {
    const issues = issuesOf(resolveFootball({ competition: 'ODI-NZ-ENG' }));
    expect(issues).toEqual([
      {
        path: 'competition',
        message:
          'There is no football competition "ODI-NZ-ENG". Choose EPL (Premier League 2025/26) or UCL (UEFA Champions League 2025/26).',
      },
    ]);
  });

  it('auctions a chosen list in the given order', () => {
    const settings = settingsOf(resolveFootball({ assetIds: [REAL_MADRID, ARSENAL, CHELSEA] }));
    expect(settings.assetIds).toEqual([REAL_MADRID, ARSENAL, CHELSEA]);
    expect(settings.competition).toBeNull();
  });

  it('reports unknown ids and assets of another sport one by one, by id', () => {
    const issues = issuesOf(resolveFootball({ assetIds: [ARSENAL, UNKNOWN_ID, WILLIAMSON] }));
    expect(issues).toEqual([
      { path: 'assetIds.1', message: `There is no club with the id ${UNKNOWN_ID}.` },
      { path: 'assetIds.2', message: `Kane Williamson (${WILLIAMSON}) is a cricket player, not a football club.` },
    ]);
  });

  it('reports a football club in a cricket league', () => {
    const issues = issuesOf(resolveCricket({ assetIds: [ROOT, ARSENAL] }));
    expect(issues).toEqual([{ path: 'assetIds.1', message: `Arsenal (${ARSENAL}) is a football club, not a cricket player.` }]);
  });

  it('reports the later copy of a duplicated asset', () => {
    const issues = issuesOf(resolveFootball({ assetIds: [ARSENAL, CHELSEA, ARSENAL] }));
    expect(issues).toEqual([{ path: 'assetIds.2', message: `Arsenal (${ARSENAL}) is listed more than once.` }]);
  });

  it('rejects an empty chosen list', () => {
    expect(issuesOf(resolveFootball({ assetIds: [] }))).toEqual([{ path: 'assetIds', message: 'Choose at least one club to auction.' }]);
  });

  it('rejects a competition with nothing in the catalogue', () => {
    const empty = inMemoryCatalogue([]);
    const issues = issuesOf(resolveLeagueSettings(football({ competition: 'UCL' }), SPORTS.football, empty));
    expect(issues).toEqual([
      {
        path: 'competition',
        message: 'UEFA Champions League 2025/26 has no clubs in the catalogue, so there is nothing to auction.',
      },
    ]);
  });

  it('needs a list for a fixed nomination order, and keeps its order', () => {
    expect(issuesOf(resolveFootball({ nominationOrder: 'fixed' }))).toEqual([
      { path: 'assetIds', message: 'A fixed nomination order needs the list of clubs in the order they go up for auction.' },
    ]);
    const settings = settingsOf(resolveFootball({ nominationOrder: 'fixed', assetIds: [CHELSEA, ARSENAL] }));
    expect(settings).toMatchObject({ nominationOrder: 'fixed', assetIds: [CHELSEA, ARSENAL] });
  });
});
