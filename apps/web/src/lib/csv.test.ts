import { describe, expect, it } from 'vitest';
import { asset } from '../test/fixtures';
import { resultsCsv } from './csv';

describe('results CSV', () => {
  it('lists every roster with prices, in the sport’s words', () => {
    const csv = resultsCsv(
      {
        auctionId: 'a1',
        managers: [
          {
            userId: 'u1',
            displayName: 'Ann',
            budgetRemaining: 455,
            spent: 45,
            roster: [
              { asset: asset('Arsenal'), price: 40, lotId: 'l1' },
              { asset: asset('Leeds United'), price: 5, lotId: 'l2' },
            ],
          },
          { userId: 'u2', displayName: 'Bob', budgetRemaining: 500, spent: 0, roster: [] },
        ],
        unsold: [],
        neverOffered: [],
      },
      { asset: 'Club', assets: 'Clubs' },
    );
    expect(csv.split('\r\n')).toEqual([
      'Manager,Club,Price (£m),Spent (£m),Budget left (£m)',
      'Ann,Arsenal,40,45,455',
      'Ann,Leeds United,5,45,455',
      'Bob,,,0,500',
      '',
    ]);
  });
});
