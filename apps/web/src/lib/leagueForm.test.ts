import type { Sport } from '@auction/contracts';
import { describe, expect, it } from 'vitest';
import { formFromSport, validateLeagueForm } from './leagueForm';

const football: Sport = {
  key: 'football',
  name: 'Football',
  words: { asset: 'Club', assets: 'Clubs' },
  competitions: [{ key: 'EPL', name: 'Premier League 2025/26' }],
  defaults: {
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
  },
};
const words = football.words;

describe('league form', () => {
  it('starts from the sport’s defaults and builds a valid create body', () => {
    const form = { ...formFromSport(football), name: '  Sunday Club  ' };
    const result = validateLeagueForm(form, words);
    expect(result.errors).toBeNull();
    expect(result.body).toMatchObject({
      name: 'Sunday Club',
      sport: 'football',
      competition: 'EPL',
      budget: 500,
      rosterSize: 3,
      bidTimerSeconds: 30,
      antiSnipeSeconds: 10,
      lotGapSeconds: 3,
      leadInSeconds: 10,
      nominationOrder: 'random',
      scoringRules: { win: 3, draw: 1, goal: 1 },
    });
    expect(result.body).not.toHaveProperty('assetIds');
  });

  it('explains each bad field in plain words', () => {
    const form = formFromSport(football);
    const result = validateLeagueForm(
      {
        ...form,
        name: ' ',
        numbers: { ...form.numbers, bidTimerSeconds: '5', antiSnipeSeconds: '20', minManagers: '10', maxManagers: '4', rosterSize: '2.5' },
        assetMode: 'chosen',
        assetIds: [],
      },
      words,
    );
    expect(result.errors).toEqual({
      name: 'Give the league a name.',
      antiSnipeSeconds: "The anti-snipe time (20 seconds) can't be longer than the bid timer (5 seconds).",
      minManagers: "The minimum number of managers (10) can't be more than the maximum (4).",
      rosterSize: 'The roster size must be a whole number from 1 to 50 clubs.',
      assets: 'Choose at least one of the clubs.',
    });
  });

  it('words a number out of range and an unaffordable roster as the leagues service does', () => {
    const form = formFromSport(football);
    const result = validateLeagueForm(
      { ...form, name: 'Cup', numbers: { ...form.numbers, budget: '20', openingBid: '10', bidTimerSeconds: '700' } },
      words,
    );
    expect(result.errors).toEqual({
      bidTimerSeconds: 'The bid timer must be a whole number from 3 to 600 seconds — you entered 700.',
      budget:
        'A full roster of 3 clubs at the minimum opening bid of 10 costs 30, more than the budget of 20. ' +
        'Raise the budget, or lower the opening bid or the roster size.',
    });
  });

  it('sends the chosen assets in order for a fixed nomination order', () => {
    const ids = ['6f1c5bde-8a4f-4c61-9a39-3f3f2b9f0a01', '6f1c5bde-8a4f-4c61-9a39-3f3f2b9f0a02'];
    const form = {
      ...formFromSport(football),
      name: 'Cup',
      assetMode: 'chosen' as const,
      assetIds: ids,
      nominationOrder: 'fixed' as const,
    };
    expect(validateLeagueForm(form, words).body).toMatchObject({ assetIds: ids, nominationOrder: 'fixed' });
  });
});
