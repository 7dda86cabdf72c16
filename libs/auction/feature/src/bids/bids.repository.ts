import { Inject, Injectable } from '@nestjs/common';
import { and, desc, eq, lt } from 'drizzle-orm';
import pg from 'pg';
import type { AcceptedBid } from '@auction/contracts';
import type { AuctionStatus } from '@auction/auction-domain';
import type { DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';
import { bids } from '../db/schema/index.js';
import type { AuctionSettings, Lot } from '../auctions/auction-state.js';
import { lotFromJson } from '../auctions/row-mappers.js';

export interface StoredRefusal {
  code: string;
  message: string;
}

export interface BidKey {
  auctionId: string;
  lotId: string;
  bidderId: string;
  clientBidId: string;
}

/** What a bid is decided on: one consistent view of the auction, the lot, the bidder and any earlier answer. */
export interface BidContext {
  auction: {
    status: AuctionStatus;
    /** The auction's version: every change of its state (bid, close, open, pause, resume, end) bumps it. */
    seq: number;
    settings: Pick<AuctionSettings, 'openingBid' | 'minIncrement' | 'rosterSize' | 'antiSnipeSeconds'>;
  } | null;
  lot: Lot | null;
  bidder: { budgetRemaining: number; rosterCount: number } | null;
  /** The first answer to this clientBidId, if there was one. */
  earlierBid: AcceptedBid | null;
  earlierRefusal: StoredRefusal | null;
}

export type LockedDecision =
  | { kind: 'accept'; amount: number; serverTime: Date; endsAt: Date }
  | { kind: 'refuse'; code: string; message: string; at: Date; record: boolean }
  | { kind: 'none' };

type BidRow = typeof bids.$inferSelect;

/**
 * Bids. The hot path talks to `pg` directly, in as few round trips as possible:
 * - `peek`: one statement, one consistent view (auction seq, lot, bidder, earlier answers);
 * - `acceptIfUnchanged`: one statement that takes the auction row lock by bumping `seq` only
 *   if it is still the seq that view was read at, and writes the bid and the lot in the same
 *   statement; the lock is held for that statement and its commit only, never across a
 *   round trip to a Node process;
 * - `underAuctionLock`: the pessimistic form, [BEGIN; lock; read] then [write; COMMIT] with
 *   escaped literals (simple protocol, several statements per message; each statement reads
 *   a fresh READ COMMITTED snapshot, so the read sees what the previous holder committed).
 */
@Injectable()
export class BidsRepository {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  /** The context from one statement without any lock (the fast path for refusals that can never turn into acceptances). */
  async peek(key: BidKey): Promise<BidContext> {
    const result = await this.database.pool.query(contextSql(key, literal));
    return toContext(result.rows[0]);
  }

  /**
   * Accepts the bid if the auction is still at `seenSeq` (nothing changed since `peek`): next
   * seq, bid row, lot high bid and deadline, in one autocommitted statement. Null when the
   * auction moved on meanwhile (the caller looks again).
   */
  async acceptIfUnchanged(key: BidKey, seenSeq: number, bid: { amount: number; serverTime: Date; endsAt: Date }): Promise<AcceptedBid | null> {
    const result = await this.database.pool.query<{ id: string; seq: number }>(
      `with next as (
         update auction.auctions set seq = seq + 1 where id = $1 and seq = $2 returning seq
       ), lot as (
         update auction.lots set high_bid = $3, high_bidder_id = $4, ends_at = $5
         where id = $6 and exists (select 1 from next)
       )
       insert into auction.bids (auction_id, lot_id, bidder_id, amount, seq, client_bid_id, created_at, ends_at)
       select $1, $6, $4, $3, next.seq, $7, $8, $5 from next
       returning id, seq`,
      [key.auctionId, seenSeq, integer(bid.amount), key.bidderId, bid.endsAt, key.lotId, key.clientBidId, bid.serverTime],
    );
    const row = result.rows[0];
    return row ? acceptedFrom(key, bid, row) : null;
  }

  /**
   * Locks the auction row, reads the context, lets `decide` rule (in TypeScript, at the
   * moment the lock is held) and writes the outcome in the same transaction. Returns the
   * accepted bid, the stored refusal, or null when `decide` chose nothing to write.
   */
  async underAuctionLock(key: BidKey, decide: (context: BidContext) => LockedDecision): Promise<AcceptedBid | StoredRefusal | null> {
    const client = await this.database.pool.connect();
    let broken: Error | undefined;
    try {
      const text = `begin; select id from auction.auctions where id = ${literal(key.auctionId)} for update; ${contextSql(key, literal)}`;
      const results = (await client.query(text)) as unknown as pg.QueryResult[];
      const decision = decide(toContext(results[2]!.rows[0]));
      if (decision.kind === 'accept') return acceptedFrom(key, decision, await this.finish(client, acceptSql(key, decision)));
      if (decision.kind === 'refuse') {
        if (!decision.record) {
          await client.query('commit');
          return { code: decision.code, message: decision.message };
        }
        const row = await this.finish(client, `set local synchronous_commit = off; ${refusalSql(key, decision)}`);
        return { code: row.code, message: row.message };
      }
      await client.query('commit');
      return null;
    } catch (error) {
      broken = error as Error;
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release(isConnectionError(broken) ? broken : undefined);
    }
  }

  /**
   * Keeps a refusal decided without the lock. Its commit does not wait for the disk: the
   * record is bookkeeping, not auction state; were it lost in a crash, a retry is decided
   * again, to the same refusal. A concurrent first answer wins (returned instead).
   */
  async recordRefusal(key: BidKey, refusal: { code: string; message: string; at: Date }): Promise<StoredRefusal> {
    const text = `begin; set local synchronous_commit = off; ${refusalSql(key, refusal)}; commit`;
    const results = (await this.database.pool.query(text)) as unknown as pg.QueryResult[];
    const row = results.find((r) => r.command === 'INSERT')!.rows[0];
    return { code: row.code, message: row.message };
  }

  /** Bid history, newest first; the cursor is the seq of the last item of the previous page. */
  async history(auctionId: string, options: { lotId?: string; limit: number; beforeSeq?: number }): Promise<AcceptedBid[]> {
    const rows = await this.database.db
      .select()
      .from(bids)
      .where(
        and(
          eq(bids.auctionId, auctionId),
          options.lotId ? eq(bids.lotId, options.lotId) : undefined,
          options.beforeSeq !== undefined ? lt(bids.seq, options.beforeSeq) : undefined,
        ),
      )
      .orderBy(desc(bids.seq))
      .limit(options.limit);
    return rows.map(toAcceptedBid);
  }

  /** Sends the final statement(s) and COMMIT in one message; returns the first row the statement returned. */
  private async finish(client: pg.PoolClient, statement: string): Promise<Record<string, any>> {
    const results = (await client.query(`${statement}; commit`)) as unknown as pg.QueryResult[];
    const withRows = results.find((r) => r.command === 'INSERT');
    return withRows!.rows[0];
  }
}

function contextSql(key: BidKey, lit: (value: string) => string): string {
  const [auctionId, lotId, bidderId, clientBidId] = [lit(key.auctionId), lit(key.lotId), lit(key.bidderId), lit(key.clientBidId)];
  return `select
    (select json_build_object('status', a.status, 'seq', a.seq, 'opening_bid', a.opening_bid, 'min_increment', a.min_increment,
       'roster_size', a.roster_size, 'anti_snipe_seconds', a.anti_snipe_seconds)
       from auction.auctions a where a.id = ${auctionId}) as auction,
    (select row_to_json(l) from auction.lots l where l.id = ${lotId} and l.auction_id = ${auctionId}) as lot,
    (select json_build_object('budget_remaining', m.budget_remaining, 'roster_count', m.roster_count)
       from auction.managers m where m.auction_id = ${auctionId} and m.user_id = ${bidderId}) as bidder,
    (select row_to_json(b) from auction.bids b
       where b.auction_id = ${auctionId} and b.bidder_id = ${bidderId} and b.client_bid_id = ${clientBidId}) as earlier_bid,
    (select json_build_object('code', r.code, 'message', r.message) from auction.bid_refusals r
       where r.auction_id = ${auctionId} and r.bidder_id = ${bidderId} and r.client_bid_id = ${clientBidId}) as earlier_refusal`;
}

/** The auction's next seq, the bid row and the lot's new high bid and deadline, in one statement. */
function acceptSql(key: BidKey, bid: { amount: number; serverTime: Date; endsAt: Date }): string {
  const amount = integer(bid.amount);
  return `with next as (
      update auction.auctions set seq = seq + 1 where id = ${literal(key.auctionId)} returning seq
    ), lot as (
      update auction.lots set high_bid = ${amount}, high_bidder_id = ${literal(key.bidderId)}, ends_at = ${timestamp(bid.endsAt)}
      where id = ${literal(key.lotId)}
    )
    insert into auction.bids (auction_id, lot_id, bidder_id, amount, seq, client_bid_id, created_at, ends_at)
    select ${literal(key.auctionId)}, ${literal(key.lotId)}, ${literal(key.bidderId)}, ${amount}, next.seq,
      ${literal(key.clientBidId)}, ${timestamp(bid.serverTime)}, ${timestamp(bid.endsAt)}
    from next
    returning id, seq`;
}

function refusalSql(key: BidKey, refusal: { code: string; message: string; at: Date }): string {
  return `insert into auction.bid_refusals (auction_id, bidder_id, client_bid_id, code, message, created_at)
    values (${literal(key.auctionId)}, ${literal(key.bidderId)}, ${literal(key.clientBidId)}, ${literal(refusal.code)},
      ${literal(refusal.message)}, ${timestamp(refusal.at)})
    on conflict (auction_id, bidder_id, client_bid_id) do update set code = auction.bid_refusals.code
    returning code, message`;
}

/** A string as a SQL literal (pg's escaping: quotes doubled, backslashes in E'' form). */
function literal(value: string): string {
  if (value.includes('\0')) throw new Error('NUL in a SQL literal');
  return pg.escapeLiteral(value);
}

function integer(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
  return String(value);
}

function timestamp(value: Date): string {
  return `'${value.toISOString()}'::timestamptz`;
}

function toContext(row: Record<string, any>): BidContext {
  const auction = row.auction as Record<string, any> | null;
  return {
    auction: auction
      ? {
          status: auction.status,
          seq: Number(auction.seq),
          settings: {
            openingBid: auction.opening_bid,
            minIncrement: auction.min_increment,
            rosterSize: auction.roster_size,
            antiSnipeSeconds: auction.anti_snipe_seconds,
          },
        }
      : null,
    lot: row.lot ? lotFromJson(row.lot) : null,
    bidder: row.bidder ? { budgetRemaining: row.bidder.budget_remaining, rosterCount: row.bidder.roster_count } : null,
    earlierBid: row.earlier_bid ? acceptedFromJson(row.earlier_bid) : null,
    earlierRefusal: row.earlier_refusal,
  };
}

function acceptedFrom(key: BidKey, bid: { amount: number; serverTime: Date; endsAt: Date }, row: Record<string, any>): AcceptedBid {
  return {
    id: row.id,
    auctionId: key.auctionId,
    lotId: key.lotId,
    bidderId: key.bidderId,
    amount: bid.amount,
    seq: Number(row.seq),
    clientBidId: key.clientBidId,
    createdAt: bid.serverTime.toISOString(),
    serverTime: bid.serverTime.toISOString(),
    endsAt: bid.endsAt.toISOString(),
  };
}

export function toAcceptedBid(row: BidRow): AcceptedBid {
  return {
    id: row.id,
    auctionId: row.auctionId,
    lotId: row.lotId,
    bidderId: row.bidderId,
    amount: row.amount,
    seq: row.seq,
    clientBidId: row.clientBidId,
    createdAt: row.createdAt.toISOString(),
    serverTime: row.createdAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
  };
}

function acceptedFromJson(json: Record<string, unknown>): AcceptedBid {
  return toAcceptedBid({
    id: json.id as string,
    auctionId: json.auction_id as string,
    lotId: json.lot_id as string,
    bidderId: json.bidder_id as string,
    amount: json.amount as number,
    seq: json.seq as number,
    clientBidId: json.client_bid_id as string,
    createdAt: new Date(json.created_at as string),
    endsAt: new Date(json.ends_at as string),
  });
}

/** A statement error leaves the connection usable; a broken socket must not go back to the pool. */
function isConnectionError(error: Error | undefined): boolean {
  return !!error && !('code' in error && typeof (error as { code?: unknown }).code === 'string' && /^[0-9A-Z]{5}$/.test((error as { code: string }).code));
}
