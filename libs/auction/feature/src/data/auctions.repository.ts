import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, isNotNull, max, sql } from 'drizzle-orm';
import type { AuctionStatus, ManagerBooks } from '@auction/auction-domain';
import { perHandle, PreparedStatement, type Transaction } from '@auction/db';
import type { Auction, AuctionView, Lot, Manager } from '../model/auction-state.js';
import { rowFromJson, toAuction, toLot, toManager } from './row-mappers.js';
import { auctions, lots, managers } from './schema/index.js';

export type NewAuction = typeof auctions.$inferInsert;
export type NewManager = typeof managers.$inferInsert;
export type NewLot = typeof lots.$inferInsert;

/**
 * Auctions, their managers and lots. Every write to an auction happens in a transaction that
 * first locks the auction row (`lockAuction`), so bids, closes and controls of one auction
 * are serialised by PostgreSQL, whichever replica runs them. Every method takes the handle
 * first: a transaction from the Transactor, or the database itself for one autocommitted statement.
 */
@Injectable()
export class AuctionsRepository {
  /** Inserts the auction with its managers and lots; false when the league already has it. */
  async insertOnce(db: Transaction, auction: NewAuction, members: NewManager[], lotRows: NewLot[]): Promise<boolean> {
    const inserted = await db.insert(auctions).values(auction).onConflictDoNothing().returning({ id: auctions.id });
    if (inserted.length === 0) return false;
    if (members.length > 0) await db.insert(managers).values(members);
    for (let i = 0; i < lotRows.length; i += 500) await db.insert(lots).values(lotRows.slice(i, i + 500));
    return true;
  }

  /**
   * Locks the auction row for the rest of the transaction. A separate statement on purpose:
   * statements after it take a fresh READ COMMITTED snapshot, so they see everything the
   * previous lock holder committed. `no key update` is the lock an UPDATE of the row takes: it
   * serialises every writer of the auction all the same, but does not hold up the inserts that
   * only refer to the auction (their foreign-key check takes `key share`), such as a refusal
   * recorded without the lock or a proxy being written.
   */
  async lockAuction(db: Transaction, auctionId: string): Promise<Auction | null> {
    const [row] = await lockQuery(db).execute({ auctionId });
    return row ? toAuction(row) : null;
  }

  /**
   * A proxy of the auction was set or removed: bumps `proxies_version`, so that a bid decided on an
   * earlier view is looked at again. The UPDATE takes the auction row lock for the rest of the
   * transaction, as `lockAuction` does. Answers the auction's status (null: no such auction).
   */
  async proxiesChanged(db: Transaction, auctionId: string): Promise<AuctionStatus | null> {
    const [row] = await PROXIES_CHANGED.rows(db, { auctionId });
    return row?.status ?? null;
  }

  async setSeq(
    db: Transaction,
    auctionId: string,
    seq: number,
    patch: Partial<
      Pick<
        NewAuction,
        'status' | 'completedAt' | 'nextLotAt' | 'pausedGapMs' | 'startsAt' | 'reminderSentAt' | 'turnEndsAt' | 'pausedTurnMs'
      >
    > = {},
  ): Promise<void> {
    await db
      .update(auctions)
      .set({ seq, ...patch })
      .where(eq(auctions.id, auctionId));
  }

  async openLot(db: Transaction, auctionId: string): Promise<Lot | null> {
    const [row] = await db
      .select()
      .from(lots)
      .where(and(eq(lots.auctionId, auctionId), eq(lots.status, 'open')));
    return row ? toLot(row) : null;
  }

  async lotInAuction(db: Transaction, auctionId: string, lotId: string): Promise<Lot | null> {
    const [row] = await db
      .select()
      .from(lots)
      .where(and(eq(lots.id, lotId), eq(lots.auctionId, auctionId)));
    return row ? toLot(row) : null;
  }

  /** Opens the next pending lot in nomination order, if any. */
  async openNextLot(db: Transaction, auctionId: string, now: Date, endsAt: Date): Promise<Lot | null> {
    const result = await db.execute<{ id: string }>(sql`
      update ${lots} set status = 'open', opened_at = ${now}, ends_at = ${endsAt}
      where id = (select id from ${lots} where auction_id = ${auctionId} and status = 'pending' order by position limit 1)
      returning id`);
    const id = result.rows[0]?.id;
    return id ? this.lotInAuction(db, auctionId, id) : null;
  }

  /**
   * Closes a lot whose deadline has passed: succeeds exactly once (the WHERE is the fence),
   * sold to the high bidder or unsold without bids. Null when someone else closed it, a bid
   * moved its deadline, or the auction is paused (no deadline).
   */
  async closeDueLot(db: Transaction, lotId: string, now: Date, closedSeq: number): Promise<Lot | null> {
    const [row] = await db
      .update(lots)
      .set({
        status: sql`case when ${lots.highBidderId} is null then 'unsold' else 'sold' end`,
        winnerId: sql`${lots.highBidderId}`,
        price: sql`${lots.highBid}`,
        closedAt: now,
        closedSeq,
      })
      .where(and(eq(lots.id, lotId), eq(lots.status, 'open'), sql`${lots.endsAt} <= ${now}`))
      .returning();
    return row ? toLot(row) : null;
  }

  /** Closes the open lot at once (end early): sold to the high bidder if there is one. */
  async closeNow(db: Transaction, lotId: string, now: Date, closedSeq: number): Promise<Lot> {
    const [row] = await db
      .update(lots)
      .set({
        status: sql`case when ${lots.highBidderId} is null then 'unsold' else 'sold' end`,
        winnerId: sql`${lots.highBidderId}`,
        price: sql`${lots.highBid}`,
        endsAt: sql`coalesce(${lots.endsAt}, ${now})`,
        pausedRemainingMs: null,
        closedAt: now,
        closedSeq,
      })
      .where(and(eq(lots.id, lotId), eq(lots.status, 'open')))
      .returning();
    return toLot(row!);
  }

  async chargeWinner(db: Transaction, auctionId: string, userId: string, price: number): Promise<void> {
    await db
      .update(managers)
      .set({
        budgetRemaining: sql`${managers.budgetRemaining} - ${price}`,
        spent: sql`${managers.spent} + ${price}`,
        rosterCount: sql`${managers.rosterCount} + 1`,
      })
      .where(and(eq(managers.auctionId, auctionId), eq(managers.userId, userId)));
  }

  async rosterCounts(db: Transaction, auctionId: string): Promise<number[]> {
    const rows = await db.select({ n: managers.rosterCount }).from(managers).where(eq(managers.auctionId, auctionId));
    return rows.map((r) => r.n);
  }

  async pendingLots(db: Transaction, auctionId: string): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(lots)
      .where(and(eq(lots.auctionId, auctionId), eq(lots.status, 'pending')));
    return Number(row?.n ?? 0);
  }

  async pauseLot(db: Transaction, lotId: string, remainingMs: number): Promise<void> {
    await db.update(lots).set({ endsAt: null, pausedRemainingMs: remainingMs }).where(eq(lots.id, lotId));
  }

  async resumeLot(db: Transaction, lotId: string, endsAt: Date): Promise<void> {
    await db.update(lots).set({ endsAt, pausedRemainingMs: null }).where(eq(lots.id, lotId));
  }

  /** Auction, managers, open lot, closed lots and pending count, from one statement (one consistent view). */
  async view(db: Transaction, auctionId: string): Promise<AuctionView | null> {
    type Json = Record<string, unknown>;
    const result = await db.execute<{ auction: Json; managers: Json[] | null; lots: Json[] | null; pending: string }>(sql`
      select row_to_json(a) as auction,
        (select json_agg(m order by m.joined_at, m.user_id) from ${managers} m where m.auction_id = a.id) as managers,
        (select json_agg(l order by l.closed_at, l.position) from ${lots} l where l.auction_id = a.id and l.status <> 'pending') as lots,
        (select count(*) from ${lots} l where l.auction_id = a.id and l.status = 'pending') as pending
      from ${auctions} a where a.id = ${auctionId}`);
    const row = result.rows[0];
    if (!row) return null;
    const lotList = (row.lots ?? []).map((json) => toLot(rowFromJson(lots, json)));
    return {
      auction: toAuction(rowFromJson(auctions, row.auction)),
      managers: (row.managers ?? []).map((json) => toManager(rowFromJson(managers, json))),
      currentLot: lotList.find((lot) => lot.status === 'open') ?? null,
      closedLots: lotList.filter((lot) => lot.status === 'sold' || lot.status === 'unsold'),
      lotsRemaining: Number(row.pending),
    };
  }

  async findById(db: Transaction, auctionId: string): Promise<Auction | null> {
    const [row] = await db.select().from(auctions).where(eq(auctions.id, auctionId));
    return row ? toAuction(row) : null;
  }

  async findByLeague(db: Transaction, leagueId: string): Promise<Auction | null> {
    const [row] = await db.select().from(auctions).where(eq(auctions.leagueId, leagueId));
    return row ? toAuction(row) : null;
  }

  async manager(db: Transaction, auctionId: string, userId: string): Promise<Manager | null> {
    const [row] = await db
      .select()
      .from(managers)
      .where(and(eq(managers.auctionId, auctionId), eq(managers.userId, userId)));
    return row ? toManager(row) : null;
  }

  async managers(db: Transaction, auctionId: string): Promise<Manager[]> {
    const rows = await db
      .select()
      .from(managers)
      .where(eq(managers.auctionId, auctionId))
      .orderBy(asc(managers.joinedAt), asc(managers.userId));
    return rows.map(toManager);
  }

  async soldLots(db: Transaction, auctionId: string): Promise<Lot[]> {
    const rows = await db
      .select()
      .from(lots)
      .where(and(eq(lots.auctionId, auctionId), eq(lots.status, 'sold')))
      .orderBy(asc(lots.closedAt), asc(lots.position));
    return rows.map(toLot);
  }

  /** The assets of the auction's pool (every asset a lot was made for). */
  async poolAssetIds(db: Transaction, auctionId: string): Promise<string[]> {
    const rows = await db.selectDistinct({ assetId: lots.assetId }).from(lots).where(eq(lots.auctionId, auctionId));
    return rows.map((r) => r.assetId);
  }

  /** Lots never opened, in nomination order. */
  async pendingLotList(db: Transaction, auctionId: string): Promise<Lot[]> {
    const rows = await db
      .select()
      .from(lots)
      .where(and(eq(lots.auctionId, auctionId), eq(lots.status, 'pending')))
      .orderBy(asc(lots.position));
    return rows.map(toLot);
  }

  /** Live auctions waiting for their next lot (gap or lead-in), soonest first. */
  async auctionsAwaitingLot(db: Transaction, limit: number): Promise<Array<{ id: string; nextLotAt: Date }>> {
    const rows = await awaitingLotQuery(db).execute({ limit });
    return rows.map((r) => ({ id: r.id, nextLotAt: r.nextLotAt! }));
  }

  /** Scheduled auctions starting by `horizon`, soonest first (served by the partial index on scheduled auctions). */
  async scheduledBy(
    db: Transaction,
    horizon: Date,
    limit: number,
  ): Promise<Array<{ id: string; startsAt: Date; reminderSentAt: Date | null }>> {
    const rows = await scheduledByQuery(db).execute({ horizon, limit });
    return rows.map((r) => ({ id: r.id, startsAt: r.startsAt!, reminderSentAt: r.reminderSentAt }));
  }

  /**
   * Claims the reminder of a scheduled auction: true for exactly one caller (the WHERE is the
   * fence), and only while the auction is still scheduled to start at `startsAt`.
   */
  async claimReminder(db: Transaction, auctionId: string, startsAt: Date, now: Date): Promise<boolean> {
    const rows = await db
      .update(auctions)
      .set({ reminderSentAt: now })
      .where(
        and(
          eq(auctions.id, auctionId),
          eq(auctions.status, 'scheduled'),
          eq(auctions.startsAt, startsAt),
          sql`${auctions.reminderSentAt} is null`,
        ),
      )
      .returning({ id: auctions.id });
    return rows.length > 0;
  }

  /** Open lots with a deadline, soonest first (served by the partial index on open lots). */
  async openLotsByDeadline(db: Transaction, limit: number): Promise<Array<{ id: string; auctionId: string; endsAt: Date }>> {
    const rows = await openLotsQuery(db).execute({ limit });
    return rows.map((r) => ({ ...r, endsAt: r.endsAt! }));
  }

  /** Completed auctions whose `auction.completed` event has not reached the bus yet. */
  async unpublishedCompletions(db: Transaction, completedBefore: Date): Promise<string[]> {
    const rows = await db
      .select({ id: auctions.id })
      .from(auctions)
      .where(
        and(
          eq(auctions.status, 'completed'),
          sql`${auctions.completionPublishedAt} is null`,
          sql`${auctions.completedAt} <= ${completedBefore}`,
        ),
      )
      .limit(20);
    return rows.map((r) => r.id);
  }

  async markCompletionPublished(db: Transaction, auctionId: string, at: Date): Promise<void> {
    await db.update(auctions).set({ completionPublishedAt: at }).where(eq(auctions.id, auctionId));
  }

  /** A correction's new books for one manager (computed by the domain under the auction lock). */
  async setBooks(db: Transaction, auctionId: string, books: ManagerBooks): Promise<void> {
    await db
      .update(managers)
      .set({ budgetRemaining: books.budgetRemaining, spent: books.spent, rosterCount: books.rosterCount })
      .where(and(eq(managers.auctionId, auctionId), eq(managers.userId, books.userId)));
  }

  /** An undone sale: the lot stays as its record, unsold, without winner or price, with its bids. */
  async unsell(db: Transaction, lotId: string): Promise<Lot> {
    const [row] = await db.update(lots).set({ status: 'unsold', winnerId: null, price: null }).where(eq(lots.id, lotId)).returning();
    return toLot(row!);
  }

  async resell(db: Transaction, lotId: string, winnerId: string, price: number): Promise<Lot> {
    const [row] = await db.update(lots).set({ winnerId, price }).where(eq(lots.id, lotId)).returning();
    return toLot(row!);
  }

  /** Offers the lot's asset again on a new pending lot after the last one. */
  async offerAgain(db: Transaction, lot: Lot): Promise<void> {
    const [last] = await db
      .select({ position: max(lots.position) })
      .from(lots)
      .where(eq(lots.auctionId, lot.auctionId));
    const { asset } = lot;
    await db.insert(lots).values({
      id: randomUUID(),
      auctionId: lot.auctionId,
      position: (last?.position ?? -1) + 1,
      assetId: asset.id,
      assetExternalId: asset.externalId,
      assetName: asset.name,
      assetShortName: asset.shortName,
      assetTeam: asset.team,
      assetRole: asset.role,
      status: 'pending',
      openingBid: lot.openingBid,
    });
  }

  /** A completed auction's rosters changed: its `auction.completed` goes out again through the outbox. */
  async reopenCompletionOutbox(db: Transaction, auctionId: string): Promise<void> {
    await db.update(auctions).set({ completionPublishedAt: null }).where(eq(auctions.id, auctionId));
  }
}

/** Every locked path starts with it: a named prepared statement, planned once per connection. */
const lockQuery = perHandle((db) =>
  db
    .select()
    .from(auctions)
    .where(eq(auctions.id, sql.placeholder('auctionId')))
    .for('no key update')
    .prepare('auction_lock'),
);

const PROXIES_CHANGED = new PreparedStatement<{ status: AuctionStatus }>(
  'auction_proxies_changed',
  sql`update ${auctions} set ${sql.identifier(auctions.proxiesVersion.name)} = ${auctions.proxiesVersion} + 1
    where ${auctions.id} = ${sql.placeholder('auctionId')} returning ${sql.identifier(auctions.status.name)} as status`,
);

/*
 * The sweeps every replica runs five times a second (LotCloser, NominationTimer, ScheduledStarts):
 * prepared once per connection, so neither drizzle nor PostgreSQL builds and plans them again on
 * every poll. Their statuses are literals, so the partial indexes serve the generic plan too.
 */
const awaitingLotQuery = perHandle((db) =>
  db
    .select({ id: auctions.id, nextLotAt: auctions.nextLotAt })
    .from(auctions)
    .where(and(isNotNull(auctions.nextLotAt), sql`${auctions.status} = 'live'`))
    .orderBy(asc(auctions.nextLotAt))
    .limit(sql.placeholder('limit'))
    .prepare('sweep_awaiting_lot'),
);

const scheduledByQuery = perHandle((db) =>
  db
    .select({ id: auctions.id, startsAt: auctions.startsAt, reminderSentAt: auctions.reminderSentAt })
    .from(auctions)
    .where(sql`${auctions.status} = 'scheduled' and ${auctions.startsAt} <= ${sql.placeholder('horizon')}`)
    .orderBy(asc(auctions.startsAt))
    .limit(sql.placeholder('limit'))
    .prepare('sweep_scheduled_by'),
);

const openLotsQuery = perHandle((db) =>
  db
    .select({ id: lots.id, auctionId: lots.auctionId, endsAt: lots.endsAt })
    .from(lots)
    .where(and(sql`${lots.status} = 'open'`, isNotNull(lots.endsAt)))
    .orderBy(asc(lots.endsAt))
    .limit(sql.placeholder('limit'))
    .prepare('sweep_open_lots'),
);
