import { describe, expect, it } from 'vitest';
import { auctionIdOf } from './auction-id.js';

describe('auctionIdOf', () => {
  it('derives one stable version-5 UUID per league', () => {
    const league = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const id = auctionIdOf(league);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(auctionIdOf(league.toUpperCase())).toBe(id);
    expect(auctionIdOf('7c9e6679-7425-40de-944b-e07fc1f90ae7')).not.toBe(id);
  });
});
