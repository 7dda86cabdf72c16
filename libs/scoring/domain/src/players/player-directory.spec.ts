import { describe, expect, it } from 'vitest';
import { AmbiguousName } from '../csv/cricket-stats-csv.js';
import { PlayerDirectory } from './player-directory.js';

const player = (externalId: string, name: string, team: string, registryId: string | null = null) => ({
  externalId,
  name,
  team,
  registryId,
});
const williamson = player('nz-kane-williamson', 'Kane Williamson', 'New Zealand');
const jamie = player('eng-jamie-smith', 'Jamie Smith', 'England');
const nathan = player('nz-nathan-smith', 'Nathan Smith', 'New Zealand');
const root = player('eng-joe-root', 'Joe Root', 'England', 'bbbb0001');
const twins = [player('eng-tom-curran', 'Tom Curran', 'England'), player('eng-ted-curran', 'Ted Curran', 'England')];
const directory = new PlayerDirectory([williamson, jamie, nathan, root, ...twins]);

describe('PlayerDirectory.matchPerson', () => {
  it('matches by registry id first, whatever the name', () => {
    expect(directory.matchPerson({ name: 'Somebody Else', registryId: 'bbbb0001', team: 'England' })).toEqual({
      kind: 'found',
      player: root,
    });
  });

  it("matches Cricsheet's initials-and-surname names within the player's team", () => {
    expect(directory.matchPerson({ name: 'KS Williamson', registryId: 'zz', team: 'New Zealand' })).toEqual({
      kind: 'found',
      player: williamson,
    });
    expect(directory.matchPerson({ name: 'JL Smith', registryId: null, team: 'England' })).toEqual({ kind: 'found', player: jamie });
    expect(directory.matchPerson({ name: 'NG Smith', registryId: null, team: 'New Zealand' })).toEqual({ kind: 'found', player: nathan });
    expect(directory.matchPerson({ name: 'KS Williamson', registryId: null, team: 'England' })).toEqual({ kind: 'unknown' });
  });

  it('does not read a lower-case first name as initials', () => {
    expect(directory.matchPerson({ name: 'Kyle Williamson', registryId: null, team: 'New Zealand' })).toEqual({ kind: 'unknown' });
  });

  it('reports a tied name with its candidates', () => {
    expect(directory.matchPerson({ name: 'T Curran', registryId: null, team: 'England' })).toEqual({
      kind: 'ambiguous',
      candidates: twins,
    });
  });
});

describe('PlayerDirectory.byIdOrName', () => {
  it('takes an external id or an unambiguous full name, accents and case aside', () => {
    expect(directory.byIdOrName('NZ-KANE-WILLIAMSON')).toBe(williamson);
    expect(directory.byIdOrName('kane  williamsón')).toBe(williamson);
    expect(directory.byIdOrName('Kane')).toBeNull();
  });

  it('lists the candidates of a shared name', () => {
    const shared = new PlayerDirectory([jamie, player('nz-jamie-smith', 'Jamie Smith', 'New Zealand')]);
    expect(shared.byIdOrName('Jamie Smith')).toEqual(new AmbiguousName(['Jamie Smith (eng-jamie-smith)', 'Jamie Smith (nz-jamie-smith)']));
  });
});
