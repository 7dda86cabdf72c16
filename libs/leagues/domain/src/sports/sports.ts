import { SPORT_KEYS, type Sport, type SportKey } from '@auction/contracts';
import { CRICKET_COMPETITIONS } from '../catalogue/cricket.js';
import { FOOTBALL_COMPETITIONS } from '../catalogue/football.js';

/**
 * Defaults shared by every sport (SPEC §2). maxManagers defaults to the platform cap of 500
 * because a commissioner who invites a whole club (150 members in the pilot) should not find
 * the league full before they have thought about the limit; they can lower it.
 */
const COMMON_DEFAULTS = {
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
} as const;

export const SPORTS: Record<SportKey, Sport> = {
  football: {
    key: 'football',
    name: 'Football',
    words: { asset: 'Club', assets: 'Clubs' },
    competitions: FOOTBALL_COMPETITIONS.map((competition) => ({ ...competition })),
    defaults: { ...COMMON_DEFAULTS, rosterSize: 3, scoringRules: { win: 3, draw: 1, goal: 1 } },
  },
  cricket: {
    key: 'cricket',
    name: 'Cricket',
    words: { asset: 'Player', assets: 'Players' },
    competitions: CRICKET_COMPETITIONS.map((competition) => ({ ...competition })),
    defaults: {
      ...COMMON_DEFAULTS,
      rosterSize: 11,
      scoringRules: { run: 1, wicket: 20, catch: 10, stumping: 25, runOut: 20 },
    },
  },
};

export function isSportKey(value: string): value is SportKey {
  return (SPORT_KEYS as readonly string[]).includes(value);
}

/** The sports switched on by configuration, in catalogue order whatever the order of `enabled`. */
export function enabledSports(enabled: readonly SportKey[]): Sport[] {
  return SPORT_KEYS.filter((key) => enabled.includes(key)).map((key) => SPORTS[key]);
}
