import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuctionSnapshot, AuditEntry } from '@auction/contracts';
import { ManualClock, testUser, type TestStack, type TestUser } from '@auction/testing';
import { expectAuctionInvariants } from './support/invariants.js';
import { nextEvent, OpenSockets } from './support/sockets.js';
import { auctionStack, bid, snapshot, startedAuction, type World } from './support/world.js';

/** SPEC §8 "Corrections": the commissioner undoes or reassigns a sale; books, events and the audit trail follow. */
describe('corrections: undo and reassign a sale', () => {
  const clock = new ManualClock(new Date('2026-09-01T19:00:00.000Z'));
  const open = new OpenSockets();
  let stack: TestStack;

  beforeAll(async () => {
    stack = await auctionStack({ clock });
  });
  afterEach(() => open.closeAll());
  afterAll(async () => {
    await stack.close();
  });

  /** Two managers beside the commissioner, roster 2, budget 100, four clubs: lot 1 sold to the first manager at 10. */
  async function afterFirstSale(): Promise<{ world: World; soldLotId: string; buyer: TestUser; rival: TestUser }> {
    const world = await startedAuction(stack, { managers: 2, assets: 4, settings: { bidTimerSeconds: 30, antiSnipeSeconds: 0 } });
    const [buyer, rival] = world.managers as [TestUser, TestUser];
    const soldLotId = world.auction.currentLot!.id;
    expect((await bid(stack, world, rival, 4)).status).toBe(201);
    expect((await bid(stack, world, buyer, 10)).status).toBe(201);
    clock.advance(30_000);
    await expect.poll(async () => (await snapshot(stack, world)).lots.map((lot) => lot.lotId), { timeout: 5000 }).toContain(soldLotId);
    return { world: { ...world, auction: await snapshot(stack, world) }, soldLotId, buyer, rival };
  }

  const correction = (world: World, lotId: string, verb: 'undo' | 'reassign') => `/api/auctions/${world.auction.id}/lots/${lotId}/${verb}`;
  const managerIn = (view: AuctionSnapshot, user: TestUser) => view.managers.find((manager) => manager.userId === user.id)!;

  it('undoes a sale while live: the winner is refunded, the asset is offered again after the last lot, the room hears lot:undone', async () => {
    const { world, soldLotId, buyer } = await afterFirstSale();
    const before = await snapshot(stack, world);
    const socket = await open.connect(stack.url, buyer.token);
    await socket.timeout(5000).emitWithAck('auction:join', { auctionId: world.auction.id });
    const heard = nextEvent(socket, 'lot:undone', (event) => event.lotId === soldLotId);

    const refused = await stack.api.post(correction(world, soldLotId, 'undo'), undefined, { token: buyer.token });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('NOT_COMMISSIONER');
    expect((await snapshot(stack, world)).seq).toBe(before.seq);

    const undone = await stack.api.post<AuctionSnapshot>(correction(world, soldLotId, 'undo'), undefined, {
      token: world.commissioner.token,
    });
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect(undone.body.seq).toBe(before.seq + 1);
    expect(managerIn(undone.body, buyer)).toMatchObject({ budgetRemaining: 100, roster: [] });
    expect(undone.body.lots.find((lot) => lot.lotId === soldLotId)).toMatchObject({ status: 'unsold', winnerId: null, price: null });
    expect(undone.body.lotsRemaining).toBe(before.lotsRemaining + 1);
    const event = await heard;
    expect(event).toEqual({
      auctionId: world.auction.id,
      lotId: soldLotId,
      asset: expect.objectContaining({ id: world.assets[0]!.id }),
      previousWinnerId: buyer.id,
      refund: 10,
      seq: before.seq + 1,
    });
    const results = await stack.api.get(`/api/auctions/${world.auction.id}/results`, { token: buyer.token });
    expect(results.body.neverOffered.map((asset: { id: string }) => asset.id)).toContain(world.assets[0]!.id);

    const again = await stack.api.post(correction(world, soldLotId, 'undo'), undefined, { token: world.commissioner.token });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONFLICT');
    await expectAuctionInvariants(stack.database.url, world.auction.id);
  });

  it('reassigns a sale while paused, refusing what the new owner could not have bought, and changes nothing when refused', async () => {
    const { world, soldLotId, buyer, rival } = await afterFirstSale();
    expect((await stack.api.post(`/api/auctions/${world.auction.id}/pause`, undefined, { token: world.commissioner.token })).status).toBe(
      200,
    );
    const before = await snapshot(stack, world);
    const token = world.commissioner.token;
    const refusals = [
      [{ userId: testUser('stranger').id, price: 5 }, 'NOT_A_MANAGER'],
      [{ userId: rival.id, price: 100 }, 'BUDGET_EXCEEDED'],
      [{ userId: rival.id, price: 5, extra: true }, 'VALIDATION_FAILED'],
    ] as const;
    for (const [body, code] of refusals) {
      const answer = await stack.api.post(correction(world, soldLotId, 'reassign'), body, { token });
      expect(answer.body.code, JSON.stringify(body)).toBe(code);
    }
    expect(await snapshot(stack, world)).toMatchObject({ seq: before.seq, managers: before.managers });

    const socket = await open.connect(stack.url, rival.token);
    await socket.timeout(5000).emitWithAck('auction:join', { auctionId: world.auction.id });
    const heard = nextEvent(socket, 'lot:reassigned', (event) => event.lotId === soldLotId);
    const moved = await stack.api.post<AuctionSnapshot>(
      correction(world, soldLotId, 'reassign'),
      { userId: rival.id, price: 7 },
      { token },
    );
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.status).toBe('paused');
    expect(managerIn(moved.body, buyer)).toMatchObject({ budgetRemaining: 100, roster: [] });
    expect(managerIn(moved.body, rival)).toMatchObject({ budgetRemaining: 93, roster: [expect.objectContaining({ price: 7 })] });
    expect(await heard).toMatchObject({ lotId: soldLotId, fromUserId: buyer.id, toUserId: rival.id, price: 7, seq: before.seq + 1 });
    await expectAuctionInvariants(stack.database.url, world.auction.id);

    // The rival's roster is full once they buy the next lot: the commissioner's purchase after it cannot move to them.
    expect((await stack.api.post(`/api/auctions/${world.auction.id}/resume`, undefined, { token })).status).toBe(200);
    const sellCurrent = async (buyerOfLot: TestUser, amount: number): Promise<string> => {
      const current = { ...world, auction: await snapshot(stack, world) };
      expect((await bid(stack, current, buyerOfLot, amount)).status).toBe(201);
      const lotId = current.auction.currentLot!.id;
      clock.advance(30_000);
      await expect.poll(async () => (await snapshot(stack, world)).lots.map((lot) => lot.lotId), { timeout: 5000 }).toContain(lotId);
      return lotId;
    };
    await sellCurrent(rival, 3);
    const commissionersLot = await sellCurrent(world.commissioner, 2);
    const full = await stack.api.post(correction(world, commissionersLot, 'reassign'), { userId: rival.id, price: 2 }, { token });
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('ROSTER_FULL');
    await expectAuctionInvariants(stack.database.url, world.auction.id);
  });

  it('keeps an audit trail every member reads, newest first, and corrects a completed auction too', async () => {
    const { world, soldLotId, buyer, rival } = await afterFirstSale();
    const token = world.commissioner.token;
    expect((await stack.api.post(`/api/auctions/${world.auction.id}/pause`, undefined, { token })).status).toBe(200);
    expect((await stack.api.post(`/api/auctions/${world.auction.id}/resume`, undefined, { token })).status).toBe(200);
    expect((await stack.api.post(`/api/auctions/${world.auction.id}/end`, undefined, { token })).status).toBe(200);
    const moved = await stack.api.post<AuctionSnapshot>(
      correction(world, soldLotId, 'reassign'),
      { userId: rival.id, price: 6 },
      { token },
    );
    expect(moved.body.status).toBe('completed');
    const undone = await stack.api.post<AuctionSnapshot>(correction(world, soldLotId, 'undo'), undefined, { token });
    expect(undone.status).toBe(200);
    expect(undone.body.lotsRemaining).toBe(moved.body.lotsRemaining);

    const audit = await stack.api.get<{ items: AuditEntry[]; nextCursor: string | null }>(`/api/auctions/${world.auction.id}/audit`, {
      token: buyer.token,
    });
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((entry) => entry.action)).toEqual(['undo', 'reassign', 'end', 'resume', 'pause', 'start']);
    expect(audit.body.items.every((entry) => entry.actorId === world.commissioner.id)).toBe(true);
    expect(audit.body.items[0]).toMatchObject({
      seq: undone.body.seq,
      details: { lotId: soldLotId, previousWinnerId: rival.id, refund: 6 },
    });
    expect(audit.body.items[1]).toMatchObject({ details: { fromUserId: buyer.id, toUserId: rival.id, previousPrice: 10, price: 6 } });
    const seqs = audit.body.items.map((entry) => entry.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));

    const page = await stack.api.get(`/api/auctions/${world.auction.id}/audit?limit=2`, { token: buyer.token });
    expect(page.body.items).toHaveLength(2);
    const rest = await stack.api.get(`/api/auctions/${world.auction.id}/audit?cursor=${page.body.nextCursor}`, { token: buyer.token });
    expect(rest.body.items.map((entry: AuditEntry) => entry.action)).toEqual(['end', 'resume', 'pause', 'start']);
    const outsider = await stack.api.get(`/api/auctions/${world.auction.id}/audit`, { token: testUser('outsider').token });
    expect([403, 404]).toContain(outsider.status);
    await expectAuctionInvariants(stack.database.url, world.auction.id);
  });
});
