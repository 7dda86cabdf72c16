import { describe, expect, it } from 'vitest';
import { inMemoryCatalogue } from '../catalogue/catalogue-assets.js';
import { SPORTS } from '../sports/sports.js';
import { applyLeagueUpdate } from './apply-league-update.js';
import type { LeagueSettings } from './league-settings.js';
import { resolveLeagueSettings } from './resolve-league-settings.js';
import { ARSENAL, CHELSEA, football, issuesOf, REAL_MADRID, settingsOf, WILLIAMSON } from './settings.fixtures.js';

const catalogue = inMemoryCatalogue();

function footballLeague(overrides: Parameters<typeof football>[0] = {}): LeagueSettings {
  return settingsOf(resolveLeagueSettings(football(overrides), SPORTS.football, catalogue));
}

describe('applyLeagueUpdate', () => {
  it('changes only what the patch names', () => {
    const current = footballLeague({ budget: 300, competition: 'UCL' });
    const updated = settingsOf(applyLeagueUpdate(current, { budget: 400, name: 'Renamed' }, SPORTS.football, catalogue));
    expect(updated).toEqual({ ...current, budget: 400, name: 'Renamed' });
  });

  it('checks the patch against the settings it keeps', () => {
    const current = footballLeague({ bidTimerSeconds: 20, antiSnipeSeconds: 10 });
    const issues = issuesOf(applyLeagueUpdate(current, { bidTimerSeconds: 5 }, SPORTS.football, catalogue));
    expect(issues).toEqual([
      { path: 'antiSnipeSeconds', message: "The anti-snipe time (10 seconds) can't be longer than the bid timer (5 seconds)." },
    ]);
  });

  it('rejects nonsense in a patch like at creation', () => {
    const issues = issuesOf(applyLeagueUpdate(footballLeague(), { maxManagers: 10_000, rosterSize: 0 }, SPORTS.football, catalogue));
    expect(issues.map((issue) => issue.path).sort()).toEqual(['maxManagers', 'rosterSize']);
  });

  it('brings the new sport’s defaults when the sport changes, keeping shared settings', () => {
    const current = footballLeague({ budget: 800, rosterSize: 5, scoringRules: { win: 4, draw: 2, goal: 1 } });
    const updated = settingsOf(applyLeagueUpdate(current, { sport: 'cricket' }, SPORTS.cricket, catalogue));
    expect(updated).toMatchObject({
      sport: 'cricket',
      budget: 800,
      rosterSize: 11,
      competition: 'ODI-NZ-ENG',
      scoringRules: SPORTS.cricket.defaults.scoringRules,
    });
    expect(updated.assetIds).toContain(WILLIAMSON);
    expect(updated.assetIds).not.toContain(ARSENAL);
  });

  it('keeps sport-specific values the patch gives along with a new sport', () => {
    const current = footballLeague();
    const updated = settingsOf(applyLeagueUpdate(current, { sport: 'cricket', rosterSize: 6 }, SPORTS.cricket, catalogue));
    expect(updated.rosterSize).toBe(6);
  });

  it('drops a fixed order of the old sport’s assets when the sport changes', () => {
    const current = footballLeague({ nominationOrder: 'fixed', assetIds: [ARSENAL, CHELSEA] });
    const updated = settingsOf(applyLeagueUpdate(current, { sport: 'cricket' }, SPORTS.cricket, catalogue));
    expect(updated.nominationOrder).toBe('random');
  });

  it('auctions the whole new competition when the competition changes', () => {
    const current = footballLeague({ competition: 'EPL' });
    const updated = settingsOf(applyLeagueUpdate(current, { competition: 'UCL' }, SPORTS.football, catalogue));
    expect(updated.competition).toBe('UCL');
    expect(updated.assetIds).toHaveLength(36);
    expect(updated.assetIds).toContain(REAL_MADRID);
  });

  it('keeps a fixed order when the patch repeats the current competition', () => {
    const current = footballLeague({ competition: 'EPL', nominationOrder: 'fixed', assetIds: [CHELSEA, ARSENAL] });
    const updated = settingsOf(applyLeagueUpdate(current, { competition: 'EPL' }, SPORTS.football, catalogue));
    expect(updated).toMatchObject({ nominationOrder: 'fixed', assetIds: [CHELSEA, ARSENAL] });
  });

  it('replaces the pool with a chosen list', () => {
    const current = footballLeague({ competition: 'EPL' });
    const updated = settingsOf(applyLeagueUpdate(current, { assetIds: [REAL_MADRID, ARSENAL] }, SPORTS.football, catalogue));
    expect(updated.assetIds).toEqual([REAL_MADRID, ARSENAL]);
  });

  it('rejects another sport’s assets in a patch', () => {
    const issues = issuesOf(applyLeagueUpdate(footballLeague(), { assetIds: [WILLIAMSON] }, SPORTS.football, catalogue));
    expect(issues).toEqual([{ path: 'assetIds.0', message: `Kane Williamson (${WILLIAMSON}) is a cricket player, not a football club.` }]);
  });

  it('rejects football scoring rules after a switch to cricket', () => {
    const patch = { sport: 'cricket' as const, scoringRules: { win: 3, draw: 1, goal: 1 } };
    const issues = issuesOf(applyLeagueUpdate(footballLeague(), patch, SPORTS.cricket, catalogue));
    expect(issues.map((issue) => issue.path)).toEqual(['scoringRules']);
  });

  it('must be given the sport the league has after the patch', () => {
    expect(() => applyLeagueUpdate(footballLeague(), { sport: 'cricket' }, SPORTS.football, catalogue)).toThrow();
  });
});
