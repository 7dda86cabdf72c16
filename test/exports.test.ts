import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuctionResults, Leaderboard } from '@auction/contracts';
import { ManualClock, startTestStack, testUser, type TestStack, type TestUser } from '@auction/testing';
import { ALL_SERVICES } from '../apps/standalone/src/services.js';
import { bid, createLeague, snapshot, startAuction, type World } from './integration/auction/support/world.js';

type Row = Record<string, string>;

/** What a spreadsheet shows of a text the export defused: the leading `'` before a formula lead. */
function defused(text: string): string {
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

function parseCsv(text: string): Row[] {
  return parse(text, { columns: true, skip_empty_lines: true }) as Row[];
}

/** SPEC §8 "Exports": results.csv and leaderboard.csv say what the JSON answers say, safely for spreadsheets. */
describe('results.csv and leaderboard.csv', () => {
  const clock = new ManualClock(new Date('2026-08-01T18:00:00.000Z'));
  let stack: TestStack;
  let world: World;
  let formulaName: TestUser;

  beforeAll(async () => {
    stack = await startTestStack({ services: ALL_SERVICES, clock });
    const league = await createLeague(stack, {
      managers: 1,
      assets: 3,
      settings: { rosterSize: 1, bidTimerSeconds: 30, antiSnipeSeconds: 0 },
    });
    formulaName = testUser('=HYPERLINK("http://evil.test","win")');
    const invite = await stack.api.get(`/api/leagues/${league.leagueId}`, { token: league.commissioner.token });
    const joined = await stack.api.post('/api/leagues/join', { inviteToken: invite.body.inviteToken }, { token: formulaName.token });
    expect(joined.status, JSON.stringify(joined.body)).toBe(200);
    world = await startAuction(stack, {
      ...league,
      managers: [...league.managers, formulaName],
      everyone: [...league.everyone, formulaName],
    });

    // Lot 1 sold to the formula-named manager, lot 2 unsold, lot 3 sold to the commissioner: then no lots remain.
    await sellCurrentLot(formulaName, 9);
    await closeCurrentLot();
    await sellCurrentLot(world.commissioner, 4);
    await vi.waitFor(async () => expect((await snapshot(stack, world)).status).toBe('completed'), { timeout: 5000 });
  });
  afterAll(async () => {
    await stack?.close();
  });

  async function closeCurrentLot(): Promise<void> {
    const closing = (await snapshot(stack, world)).currentLot!.id;
    clock.advance(30_000);
    await vi.waitFor(async () => expect((await snapshot(stack, world)).lots.map((lot) => lot.lotId)).toContain(closing), { timeout: 5000 });
  }

  async function sellCurrentLot(buyer: TestUser, amount: number): Promise<void> {
    world = { ...world, auction: await snapshot(stack, world) };
    expect((await bid(stack, world, buyer, amount)).status).toBe(201);
    await closeCurrentLot();
  }

  it('results.csv has one row per closed lot, equal to the results answer', async () => {
    const member = world.managers[0]!;
    const file = await stack.api.get<string>(`/api/auctions/${world.auction.id}/results.csv`, { token: member.token });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.body.split('\r\n')[0]).toBe('lotId,asset,assetId,status,winner,winnerId,price');

    const results = (await stack.api.get<AuctionResults>(`/api/auctions/${world.auction.id}/results`, { token: member.token })).body;
    const sold = results.managers.flatMap((manager) =>
      manager.roster.map((entry) => ({
        lotId: entry.lotId!,
        asset: entry.asset.name,
        assetId: entry.asset.id,
        status: 'sold',
        winner: defused(manager.displayName),
        winnerId: manager.userId,
        price: String(entry.price),
      })),
    );
    const unsold = results.unsold.map((lot) => ({
      lotId: lot.lotId,
      asset: lot.asset.name,
      assetId: lot.asset.id,
      status: 'unsold',
      winner: '',
      winnerId: '',
      price: '',
    }));
    const byLot = (a: Row, b: Row) => a.lotId!.localeCompare(b.lotId!);
    const rows = parseCsv(file.body);
    expect(rows.map((row) => row.lotId)).toEqual((await snapshot(stack, world)).lots.map((lot) => lot.lotId));
    expect([...rows].sort(byLot)).toEqual([...sold, ...unsold].sort(byLot));
    expect(rows.find((row) => row.winnerId === formulaName.id)?.winner).toBe(`'${formulaName.displayName}`);
  });

  it('leaderboard.csv has one row per manager, equal to the leaderboard answer', async () => {
    const path = `/api/scoring/leagues/${world.leagueId}/leaderboard`;
    const token = world.commissioner.token;
    await expect
      .poll(async () => (await stack.api.get<Leaderboard>(path, { token })).body.entries.map((entry) => entry.spent).sort(), {
        timeout: 5000,
      })
      .toEqual([0, 4, 9]);
    const leaderboard = (await stack.api.get<Leaderboard>(path, { token })).body;
    const file = await stack.api.get<string>(`${path}.csv`, { token });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(parseCsv(file.body)).toEqual(
      leaderboard.entries.map((entry) => {
        const tiebreaks = entry.tiebreaks as { goals: number; wins: number };
        const row = {
          rank: entry.rank,
          manager: defused(entry.displayName),
          userId: entry.userId,
          points: entry.points,
          spent: entry.spent,
          ...tiebreaks,
        };
        return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, String(value)]));
      }),
    );
    expect(parseCsv(file.body).find((row) => row.userId === formulaName.id)?.manager).toBe(`'${formulaName.displayName}`);
  });

  it('follows a reassign after completion: the leaderboard within 5 s, results.csv at once', async () => {
    const sold = (await snapshot(stack, world)).lots.find((lot) => lot.winnerId === formulaName.id)!;
    const newOwner = world.managers[0]!;
    const moved = await stack.api.post(
      `/api/auctions/${world.auction.id}/lots/${sold.lotId}/reassign`,
      { userId: newOwner.id, price: 5 },
      { token: world.commissioner.token },
    );
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const rows = parseCsv((await stack.api.get<string>(`/api/auctions/${world.auction.id}/results.csv`, { token: newOwner.token })).body);
    expect(rows.find((row) => row.lotId === sold.lotId)).toMatchObject({ winnerId: newOwner.id, price: '5' });

    const path = `/api/scoring/leagues/${world.leagueId}/leaderboard`;
    const spentBy = async () =>
      Object.fromEntries(
        (await stack.api.get<Leaderboard>(path, { token: newOwner.token })).body.entries.map((entry) => [entry.userId, entry.spent]),
      );
    await expect
      .poll(spentBy, { timeout: 5000, interval: 100 })
      .toEqual({ [newOwner.id]: 5, [formulaName.id]: 0, [world.commissioner.id]: 4 });
  });

  it('refuses both files to someone outside the league with problem+json', async () => {
    const outsider = testUser('outsider');
    for (const path of [`/api/auctions/${world.auction.id}/results.csv`, `/api/scoring/leagues/${world.leagueId}/leaderboard.csv`]) {
      const refused = await stack.api.get(path, { token: outsider.token });
      expect([403, 404], path).toContain(refused.status);
      expect(refused.headers.get('content-type'), path).toMatch(/^application\/problem\+json/);
      expect(refused.body.code, path).toMatch(/^(NOT_A_MEMBER|FORBIDDEN|NOT_FOUND)$/);
    }
    const unknown = await stack.api.get('/api/auctions/00000000-0000-4000-8000-000000000000/results.csv', { token: outsider.token });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
  });
});
