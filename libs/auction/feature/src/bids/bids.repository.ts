import { Inject, Injectable } from '@nestjs/common';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { AcceptedBid } from '@auction/contracts';
import type { Database, DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';
import { auctions, bidRefusals, bids, lots, managers } from '../db/schema/index.js';
import type { Lot } from '../auctions/auction-state.js';
import { lotFromJson } from '../auctions/row-mappers.js';

export interface StoredRefusal {
  code: string;
  message: string;
}

/** What a bid is decided on, read after the auction row is locked. */
export interface BidContext {
  lot: Lot | null;
  bidder: { budgetRemaining: number; rosterCount: number } | null;
  /** The first answer to this clientBidId, if there was one. */
  earlierBid: AcceptedBid | null;
  earlierRefusal: StoredRefusal | null;
}

type BidRow = typeof bids.$inferSelect;

@Injectable()
export class BidsRepository {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  /** Lot, bidder and any earlier answer to the clientBidId, in one round trip. Call with the auction locked. */
  async context(db: Database, auctionId: string, lotId: string, bidderId: string, clientBidId: string): Promise<BidContext> {
    const result = await db.execute<{
      lot: Record<string, unknown> | null;
      bidder: { budget_remaining: number; roster_count: number } | null;
      earlier_bid: Record<string, unknown> | null;
      earlier_refusal: StoredRefusal | null;
    }>(sql`
      select
        (select row_to_json(l) from ${lots} l where l.id = ${lotId} and l.auction_id = ${auctionId}) as lot,
        (select json_build_object('budget_remaining', m.budget_remaining, 'roster_count', m.roster_count)
           from ${managers} m where m.auction_id = ${auctionId} and m.user_id = ${bidderId}) as bidder,
        (select row_to_json(b) from ${bids} b
           where b.auction_id = ${auctionId} and b.bidder_id = ${bidderId} and b.client_bid_id = ${clientBidId}) as earlier_bid,
        (select json_build_object('code', r.code, 'message', r.message) from ${bidRefusals} r
           where r.auction_id = ${auctionId} and r.bidder_id = ${bidderId} and r.client_bid_id = ${clientBidId}) as earlier_refusal`);
    const row = result.rows[0]!;
    return {
      lot: row.lot ? lotFromJson(row.lot) : null,
      bidder: row.bidder ? { budgetRemaining: row.bidder.budget_remaining, rosterCount: row.bidder.roster_count } : null,
      earlierBid: row.earlier_bid ? acceptedFromJson(row.earlier_bid) : null,
      earlierRefusal: row.earlier_refusal,
    };
  }

  /**
   * Records an accepted bid: the auction's next seq, the bid row, and the lot's new high bid
   * and deadline, in one statement. Call with the auction locked.
   */
  async accept(
    db: Database,
    bid: { auctionId: string; lotId: string; bidderId: string; amount: number; clientBidId: string; serverTime: Date; endsAt: Date },
  ): Promise<AcceptedBid> {
    const result = await db.execute<{ id: string; seq: number }>(sql`
      with next as (
        update ${auctions} set seq = seq + 1 where id = ${bid.auctionId} returning seq
      ), lot as (
        update ${lots} set high_bid = ${bid.amount}, high_bidder_id = ${bid.bidderId}, ends_at = ${bid.endsAt}
        where id = ${bid.lotId}
      )
      insert into ${bids} (auction_id, lot_id, bidder_id, amount, seq, client_bid_id, created_at, ends_at)
      select ${bid.auctionId}, ${bid.lotId}, ${bid.bidderId}, ${bid.amount}, next.seq, ${bid.clientBidId}, ${bid.serverTime}, ${bid.endsAt}
      from next
      returning id, seq`);
    const row = result.rows[0]!;
    return {
      id: row.id,
      auctionId: bid.auctionId,
      lotId: bid.lotId,
      bidderId: bid.bidderId,
      amount: bid.amount,
      seq: Number(row.seq),
      clientBidId: bid.clientBidId,
      createdAt: bid.serverTime.toISOString(),
      serverTime: bid.serverTime.toISOString(),
      endsAt: bid.endsAt.toISOString(),
    };
  }

  /**
   * Keeps a refusal's first answer. Its commit does not wait for the disk: the record is
   * bookkeeping, not auction state, and it holds the auction lock; were it lost in a crash, a
   * retry is simply decided again.
   */
  async recordRefusal(
    db: Database,
    refusal: { auctionId: string; bidderId: string; clientBidId: string; code: string; message: string; at: Date },
  ): Promise<void> {
    await db.execute(sql`set local synchronous_commit = off`);
    await db
      .insert(bidRefusals)
      .values({ ...refusal, createdAt: refusal.at })
      .onConflictDoNothing();
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
