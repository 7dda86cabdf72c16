import { describe, expect, it } from 'vitest';
import { standingsManagers } from './standings-managers.js';

describe('standingsManagers', () => {
  it('lists every member, with spend, join time and assets from the auction when they have a roster', () => {
    const members = [
      { userId: 'a', displayName: 'Ann', joinedAt: '2025-07-01T00:00:00.000Z' },
      { userId: 'b', displayName: 'Bob', joinedAt: '2025-07-02T00:00:00.000Z' },
    ];
    const rosters = [
      {
        userId: 'a',
        displayName: 'Ann (old)',
        spent: 40,
        joinedAt: new Date('2025-06-30T00:00:00Z'),
        assets: [{ assetId: 'x', externalId: 'X', name: 'X' }],
      },
      { userId: 'z', displayName: 'Zed', spent: 5, joinedAt: new Date('2025-06-01T00:00:00Z'), assets: [] },
    ];
    expect(standingsManagers(members, rosters)).toEqual([
      {
        userId: 'a',
        displayName: 'Ann',
        spent: 40,
        joinedAt: new Date('2025-06-30T00:00:00Z'),
        assets: [{ assetId: 'x', externalId: 'X', name: 'X' }],
      },
      { userId: 'b', displayName: 'Bob', spent: 0, joinedAt: new Date('2025-07-02T00:00:00Z'), assets: [] },
      { userId: 'z', displayName: 'Zed', spent: 5, joinedAt: new Date('2025-06-01T00:00:00Z'), assets: [] },
    ]);
  });

  it('shows a name the user chose since over the league’s older one', () => {
    const members = [{ userId: 'a', displayName: 'Ann', joinedAt: '2025-07-01T00:00:00.000Z' }];
    const [ann] = standingsManagers(members, [], new Map([['a', 'Ann Rovers']]));
    expect(ann!.displayName).toBe('Ann Rovers');
  });
});
