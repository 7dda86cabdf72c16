import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuctionSnapshot } from '@auction/contracts';
import { ManualClock, TestSmtpServer, type CapturedMail, type TestStack } from '@auction/testing';
import pg from 'pg';
import { expectAuctionInvariants, readAuctionState } from './support/invariants.js';
import { connectSocket, joinAuction, nextEvent, type ClientSocket } from './support/sockets.js';
import { auctionStack, bid, createLeague, scheduleAuction, snapshot, startAuction, startedAuction, type World } from './support/world.js';

const MINUTE = 60_000;

async function sqlRows<T>(stack: TestStack, text: string, values: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: stack.database.url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The single event's start of an `.ics` attachment, parsed by a real iCalendar parser. */
function calendarStart(mail: CapturedMail): string {
  const ics = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  expect(ics, `a calendar attached to "${mail.subject}"`).toBeTruthy();
  expect(ics!.filename).toMatch(/\.ics$/);
  const events = new ICAL.Component(ICAL.parse(ics!.content)).getAllSubcomponents('vevent');
  expect(events).toHaveLength(1);
  return new ICAL.Event(events[0]!).startDate.toJSDate().toISOString();
}

describe('the pause between lots, lead-in and scheduled starts (manual clock, real SMTP)', () => {
  const clock = new ManualClock(new Date('2026-04-04T17:00:00.000Z'));
  const smtp = new TestSmtpServer();
  const sockets: ClientSocket[] = [];
  let stack: TestStack;

  beforeAll(async () => {
    stack = await auctionStack({
      clock,
      env: { SMTP_URL: await smtp.start(), AUCTION_REMINDER_MINUTES: '15', PUBLIC_URL: 'https://auction.example' },
    });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await stack.close();
    await smtp.stop();
  });

  async function watch(world: World): Promise<ClientSocket> {
    const socket = await connectSocket(stack.url, world.commissioner.token);
    sockets.push(socket);
    await joinAuction(socket, world.auction.id);
    return socket;
  }

  it('refuses bids in the gap LOT_CLOSED, changing nothing, then opens the next lot after lotGapSeconds', async () => {
    const world = await startedAuction(stack, { assets: 3, settings: { bidTimerSeconds: 30, lotGapSeconds: 5 } });
    const socket = await watch(world);
    const [ann, bob] = world.managers;
    expect((await bid(stack, world, ann!, 4)).status).toBe(201);
    const sold = nextEvent(socket, 'lot:sold', (e) => e.auctionId === world.auction.id);
    clock.advance(30_000);
    const closedAt = Date.parse(world.auction.currentLot!.endsAt!);
    expect(await sold).toMatchObject({ winnerId: ann!.id, price: 4, seq: 3, nextLotAt: new Date(closedAt + 5_000).toISOString() });

    const inGap = await snapshot(stack, world);
    expect(inGap).toMatchObject({
      status: 'live',
      seq: 3,
      currentLot: null,
      nextLotAt: new Date(closedAt + 5_000).toISOString(),
      lotsRemaining: 2,
    });
    expect(inGap.lots).toEqual([
      { lotId: world.auction.currentLot!.id, asset: world.auction.currentLot!.asset, status: 'sold', winnerId: ann!.id, price: 4, seq: 3 },
    ]);
    const before = await readAuctionState(stack.database.url, world.auction.id);
    const nextLotId = before.lots.find((l) => l.status === 'pending' && l.id !== world.auction.currentLot!.id)!.id;
    clock.advance(4_000); // 1 s of the gap left
    for (const lotId of [world.auction.currentLot!.id, nextLotId]) {
      const refused = await bid(stack, world, bob!, 10, { lotId });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('LOT_CLOSED');
    }
    expect(await readAuctionState(stack.database.url, world.auction.id)).toEqual(before);
    expect((await snapshot(stack, world)).seq).toBe(3);

    const opened = nextEvent(socket, 'lot:opened', (e) => e.auctionId === world.auction.id);
    clock.advance(1_000);
    expect(await opened).toMatchObject({ seq: 4, lot: { asset: { id: world.assets[1]!.id }, remainingMs: 30_000 }, lotsRemaining: 1 });
    const after = await snapshot(stack, world);
    expect(after).toMatchObject({ nextLotAt: null, currentLot: { asset: { id: world.assets[1]!.id } } });
    expect((await bid(stack, world, bob!, 10, { lotId: after.currentLot!.id })).status).toBe(201);
    await expectAuctionInvariants(stack.database.url, world.auction.id);
  });

  it('freezes the gap on pause and lets the rest of it run on resume', async () => {
    const world = await startedAuction(stack, { settings: { bidTimerSeconds: 10, lotGapSeconds: 10 } });
    const socket = await watch(world);
    const unsold = nextEvent(socket, 'lot:unsold', (e) => e.auctionId === world.auction.id);
    clock.advance(10_000);
    await unsold;
    clock.advance(4_000);
    const paused = await stack.api.post<AuctionSnapshot>(`/api/auctions/${world.auction.id}/pause`, undefined, {
      token: world.commissioner.token,
    });
    expect(paused.body).toMatchObject({ status: 'paused', nextLotAt: null, currentLot: null });
    clock.advance(60_000);
    expect((await snapshot(stack, world)).currentLot).toBeNull();
    const resumed = await stack.api.post<AuctionSnapshot>(`/api/auctions/${world.auction.id}/resume`, undefined, {
      token: world.commissioner.token,
    });
    expect(resumed.body.nextLotAt).toBe(new Date(clock.now().getTime() + 6_000).toISOString());
    const opened = nextEvent(socket, 'lot:opened', (e) => e.auctionId === world.auction.id);
    clock.advance(6_000);
    expect((await opened).lot.asset.id).toBe(world.assets[1]!.id);
  });

  it('remembers every closed lot, and the results list unsold and never-offered assets', async () => {
    const world = await startedAuction(stack, { assets: 4, settings: { bidTimerSeconds: 10 } });
    const socket = await watch(world);
    const [ann] = world.managers;
    expect((await bid(stack, world, ann!, 3)).status).toBe(201);
    const sold = nextEvent(socket, 'lot:sold', (e) => e.auctionId === world.auction.id);
    clock.advance(10_000);
    await sold;
    const unsold = nextEvent(socket, 'lot:unsold', (e) => e.auctionId === world.auction.id);
    clock.advance(10_000);
    await unsold;
    await stack.api.post(`/api/auctions/${world.auction.id}/end`, undefined, { token: world.commissioner.token });

    const late = await snapshot(stack, world, world.managers[1]!);
    expect(late.lots.map((lot) => [lot.asset.id, lot.status, lot.winnerId, lot.price])).toEqual([
      [world.assets[0]!.id, 'sold', ann!.id, 3],
      [world.assets[1]!.id, 'unsold', null, null],
      [world.assets[2]!.id, 'unsold', null, null],
    ]);
    expect(late.lots.map((lot) => lot.seq)).toEqual([3, 5, 7]);
    const results = await stack.api.get(`/api/auctions/${world.auction.id}/results`, { token: ann!.token });
    expect(results.body.unsold.map((lot: { asset: { id: string } }) => lot.asset.id)).toEqual([world.assets[1]!.id, world.assets[2]!.id]);
    expect(results.body.neverOffered.map((asset: { id: string }) => asset.id)).toEqual([world.assets[3]!.id]);
  });

  it('opens the first lot only after the lead-in when started now', async () => {
    const world = await startedAuction(stack, { settings: { leadInSeconds: 10 } });
    const startedAt = Date.parse(world.auction.serverTime);
    expect(world.auction).toMatchObject({
      status: 'live',
      seq: 1,
      currentLot: null,
      startsAt: null,
      nextLotAt: new Date(startedAt + 10_000).toISOString(),
    });
    const socket = await watch(world);
    expect(
      (
        await bid(stack, world, world.managers[0]!, 1, {
          lotId: (await readAuctionState(stack.database.url, world.auction.id)).lots[0]!.id,
        })
      ).body.code,
    ).toBe('LOT_CLOSED');
    const opened = nextEvent(socket, 'lot:opened', (e) => e.auctionId === world.auction.id);
    clock.advance(10_000);
    expect(await opened).toMatchObject({ seq: 2, lot: { asset: { id: world.assets[0]!.id } } });
  });

  it('refuses a start time in the past, beyond 60 days or malformed with 422, and starts nothing', async () => {
    const league = await createLeague(stack);
    const now = clock.now().getTime();
    for (const startsAt of [new Date(now - MINUTE).toISOString(), new Date(now + 61 * 24 * 60 * MINUTE).toISOString(), 'tomorrow at six']) {
      const answer = await stack.api.post('/api/auctions', { leagueId: league.leagueId, startsAt }, { token: league.commissioner.token });
      expect(answer.status, startsAt).toBe(422);
      expect(answer.body.code).toBe('VALIDATION_FAILED');
    }
    const stillOpen = await stack.api.get(`/api/leagues/${league.leagueId}`, { token: league.commissioner.token });
    expect(stillOpen.body.status).toBe('open');
  });

  it('schedules: mails every member the time with an .ics, refuses bids and controls, reschedules, reminds, and goes live by itself', async () => {
    const league = await createLeague(stack, { managers: 2, settings: { leadInSeconds: 5 } });
    const startsAt = new Date(clock.now().getTime() + 2 * 60 * MINUTE);
    const world = await scheduleAuction(stack, league, startsAt);
    expect(world.auction).toMatchObject({
      status: 'scheduled',
      seq: 0,
      startsAt: startsAt.toISOString(),
      currentLot: null,
      nextLotAt: null,
      lots: [],
    });
    for (const user of league.everyone) {
      const mail = await smtp.nextMail(user.email);
      expect(mail.subject).toMatch(/the auction starts/);
      expect(mail.text).toContain(`https://auction.example/auctions/${world.auction.id}`);
      expect(calendarStart(mail)).toBe(startsAt.toISOString());
    }

    const socket = await watch(world);
    const lotId = (await readAuctionState(stack.database.url, world.auction.id)).lots[0]!.id;
    const early = await bid(stack, world, league.managers[0]!, 1, { lotId });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('AUCTION_NOT_STARTED');
    for (const control of ['pause', 'resume', 'end']) {
      const refused = await stack.api.post(`/api/auctions/${world.auction.id}/${control}`, undefined, { token: league.commissioner.token });
      expect(refused.body.code, control).toBe('AUCTION_NOT_STARTED');
    }
    expect(await stack.api.post(`/api/auctions/${world.auction.id}/start`, undefined, { token: league.managers[0]!.token })).toMatchObject({
      status: 403,
    });
    expect((await snapshot(stack, world)).status).toBe('scheduled');

    const moved = new Date(startsAt.getTime() + 30 * MINUTE);
    expect(
      (
        await stack.api.patch(
          `/api/auctions/${world.auction.id}`,
          { startsAt: moved.toISOString(), leagueId: league.leagueId },
          { token: league.commissioner.token },
        )
      ).status,
    ).toBe(422);
    expect(
      (await stack.api.patch(`/api/auctions/${world.auction.id}`, { startsAt: moved.toISOString() }, { token: league.managers[0]!.token }))
        .status,
    ).toBe(403);
    const resync = nextEvent(socket, 'auction:snapshot', (s) => s.id === world.auction.id);
    const rescheduled = await stack.api.patch<AuctionSnapshot>(
      `/api/auctions/${world.auction.id}`,
      { startsAt: moved.toISOString() },
      { token: league.commissioner.token },
    );
    expect(rescheduled.body).toMatchObject({ status: 'scheduled', startsAt: moved.toISOString(), seq: 1 });
    expect((await resync).startsAt).toBe(moved.toISOString());
    for (const user of league.everyone) {
      const mail = await smtp.nextMail(user.email);
      expect(mail.subject).toMatch(/moved/);
      expect(calendarStart(mail)).toBe(moved.toISOString());
    }

    clock.advance(moved.getTime() - 15 * MINUTE - clock.now().getTime());
    for (const user of league.everyone) expect((await smtp.nextMail(user.email)).subject).toMatch(/starts in 15 minutes/);

    const live = nextEvent(socket, 'auction:live', (e) => e.auctionId === world.auction.id);
    clock.advance(moved.getTime() - clock.now().getTime());
    expect(await live).toEqual({ auctionId: world.auction.id, seq: 2, nextLotAt: new Date(moved.getTime() + 5_000).toISOString() });
    const afterLive = await snapshot(stack, world);
    expect(afterLive).toMatchObject({ status: 'live', currentLot: null, startsAt: moved.toISOString() });
    const opened = nextEvent(socket, 'lot:opened', (e) => e.auctionId === world.auction.id);
    clock.advance(5_000);
    expect(await opened).toMatchObject({ seq: 3, lot: { asset: { id: world.assets[0]!.id } } });
    expect(smtp.mails.filter((mail) => league.everyone.some((user) => user.email === mail.to))).toEqual([]);
    const again = await stack.api.post(`/api/auctions/${world.auction.id}/start`, undefined, { token: league.commissioner.token });
    expect(again.body.code).toBe('AUCTION_STARTED');
    const audit = await stack.api.get(`/api/auctions/${world.auction.id}/audit`, { token: league.managers[0]!.token });
    expect(audit.body.items).toEqual([
      expect.objectContaining({ seq: 2, action: 'start', actorId: league.commissioner.id }),
      expect.objectContaining({ seq: 1, action: 'reschedule', details: { from: world.auction.startsAt, to: moved.toISOString() } }),
    ]);
  });

  it('starts a scheduled auction now for the commissioner', async () => {
    const league = await createLeague(stack, { settings: { leadInSeconds: 0 } });
    const world = await scheduleAuction(stack, league, new Date(clock.now().getTime() + 3 * 24 * 60 * MINUTE));
    const socket = await watch(world);
    const live = nextEvent(socket, 'auction:live', (e) => e.auctionId === world.auction.id);
    const now = await stack.api.post<AuctionSnapshot>(`/api/auctions/${world.auction.id}/start`, undefined, {
      token: league.commissioner.token,
    });
    expect(now.status).toBe(200);
    expect(now.body).toMatchObject({ status: 'live', seq: 2, currentLot: { asset: { id: world.assets[0]!.id } } });
    expect(await live).toEqual({ auctionId: world.auction.id, seq: 1, nextLotAt: null });
    expect((await bid(stack, world, league.managers[0]!, 2, { lotId: now.body.currentLot!.id })).status).toBe(201);
  });
});

describe('lead-in and gap on the real clock', () => {
  let stack: TestStack;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    stack = await auctionStack();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await stack.close();
  });

  it('opens the first lot at go-live + lead-in (± 250 ms) and the next one at close + gap', async () => {
    const league = await createLeague(stack, { settings: { leadInSeconds: 2, lotGapSeconds: 1, bidTimerSeconds: 3, antiSnipeSeconds: 0 } });
    const socket = await connectSocket(stack.url, league.commissioner.token);
    sockets.push(socket);
    const first = nextEvent(socket, 'lot:opened', () => true, 10_000);
    const world = await startAuction(stack, league);
    await joinAuction(socket, world.auction.id);
    const opened = await first;
    // Go-live is the start transaction's time (created_at), not the answer's later serverTime.
    const liveAt = (
      await sqlRows<{ created_at: Date }>(stack, 'select created_at from auction.auctions where id = $1', [world.auction.id])
    )[0]!.created_at.getTime();
    const leadInMs = Date.parse(opened.serverTime) - liveAt;
    expect(Math.abs(leadInMs - 2_000)).toBeLessThanOrEqual(250);

    const unsold = nextEvent(socket, 'lot:unsold', () => true, 10_000);
    const second = nextEvent(socket, 'lot:opened', (e) => e.lot.id !== opened.lot.id, 10_000);
    const closedAt = Date.parse(opened.lot.endsAt!);
    await unsold;
    const gapMs = Date.parse((await second).serverTime) - closedAt;
    expect(Math.abs(gapMs - 1_000)).toBeLessThanOrEqual(250);
    console.info(`measured lead-in ${leadInMs} ms (setting 2000), gap after the deadline ${gapMs} ms (setting 1000)`);
  });
});
