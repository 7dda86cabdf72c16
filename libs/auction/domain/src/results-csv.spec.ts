import { describe, expect, it } from 'vitest';
import type { ClosedLot } from '@auction/contracts';
import { resultsCsv } from './results-csv.js';

function lot(lotId: string, name: string, sale: { winnerId: string; price: number } | null, seq: number): ClosedLot {
  const asset = { id: `asset-${name}`, externalId: name, name, shortName: name, team: null, role: null };
  return { lotId, asset, status: sale ? 'sold' : 'unsold', winnerId: sale?.winnerId ?? null, price: sale?.price ?? null, seq };
}

describe('results.csv', () => {
  it('writes one row per closed lot in closing order, the winner by name and id, unsold lots without a winner', () => {
    const csv = resultsCsv(
      [
        lot('l1', 'Arsenal', { winnerId: 'u1', price: 12 }, 3),
        lot('l2', 'Leeds United', null, 4),
        lot('l3', 'Fulham', { winnerId: 'u2', price: 1 }, 6),
      ],
      new Map([
        ['u1', 'Ann'],
        ['u2', '=HYPERLINK("x")'],
      ]),
    );
    expect(csv.split('\r\n')).toEqual([
      'lotId,asset,assetId,status,winner,winnerId,price',
      'l1,Arsenal,asset-Arsenal,sold,Ann,u1,12',
      'l2,Leeds United,asset-Leeds United,unsold,,,',
      `l3,Fulham,asset-Fulham,sold,"'=HYPERLINK(""x"")",u2,1`,
      '',
    ]);
  });

  it('is the header alone before any lot closes', () => {
    expect(resultsCsv([], new Map())).toBe('lotId,asset,assetId,status,winner,winnerId,price\r\n');
  });
});
