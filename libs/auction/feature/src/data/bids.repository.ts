import { Injectable } from '@nestjs/common';
import { and, desc, eq, lt, sql, type Column, type SQL } from 'drizzle-orm';
import type { AcceptedBid } from '@auction/contracts';
import type { AuctionStatus } from '@auction/auction-domain';
import type { Transaction } from '@auction/db';
import type { AuctionSettings, Lot } from '../model/auction-state.js';
import { toAcceptedBid, toLot } from './row-mappers.js';
import { auctions, bidRefusals, bids, lots, managers, proxies } from './schema/index.js';

export type StoredRefusal = {
  code: string;
  message: string;
};

export interface BidKey {
  auctionId: string;
  lotId: string;
  bidderId: string;
  clientBidId: string;
}

export interface BidToWrite {
  amount: number;
  serverTime: Date;
  endsAt: Date;
  /** Set for a bid the engine places for a proxy: that proxy's maximum (stored for the invariant checks, never answered). */
  proxyMaxAmount?: number;
}

/** What a bid is decided on: one consistent view of the auction, the lot, the bidder and any earlier answer. */
export interface BidContext {
  auction: {
    status: AuctionStatus;
    /** The auction's version: every change of its state (bid, close, open, pause, resume, end) bumps it. */
    seq: number;
    settings: Pick<AuctionSettings, 'openingBid' | 'minIncrement' | 'rosterSize' | 'antiSnipeSeconds' | 'clockMode' | 'raiseSeconds'>;
  } | null;
  lot: Lot | null;
  bidder: { budgetRemaining: number; rosterCount: number } | null;
  /** The first answer to this clientBidId, if there was one. */
  earlierBid: AcceptedBid | null;
  earlierRefusal: StoredRefusal | null;
  /** Someone has a proxy on the lot's asset: the bid is decided together with the proxies' answers. */
  proxied: boolean;
}

const NO_CONTEXT: BidContext = { auction: null, lot: null, bidder: null, earlierBid: null, earlierRefusal: null, proxied: false };

/**
 * Bids, on the hot path in as few round trips as possible: `context` is one statement (one
 * consistent view), `accept` one statement that takes the auction row lock by bumping `seq`
 * and writes the bid and the lot with it; `recordRefusal` one statement too.
 */
@Injectable()
export class BidsRepository {
  /** The auction (by key), the lot, the bidder and any earlier answer to this clientBidId, in one statement. */
  async context(db: Transaction, key: BidKey): Promise<BidContext> {
    const [row] = await db
      .select({
        auction: {
          status: auctions.status,
          seq: auctions.seq,
          openingBid: auctions.openingBid,
          minIncrement: auctions.minIncrement,
          rosterSize: auctions.rosterSize,
          antiSnipeSeconds: auctions.antiSnipeSeconds,
          clockMode: auctions.clockMode,
          raiseSeconds: auctions.raiseSeconds,
        },
        lot: lots,
        bidder: { budgetRemaining: managers.budgetRemaining, rosterCount: managers.rosterCount },
        earlierBid: bids,
        earlierRefusal: { code: bidRefusals.code, message: bidRefusals.message },
        proxied: sql<boolean>`exists (select 1 from ${proxies} where ${proxies.auctionId} = ${auctions.id} and ${proxies.assetId} = ${lots.assetId})`,
      })
      .from(auctions)
      .leftJoin(lots, and(eq(lots.id, key.lotId), eq(lots.auctionId, auctions.id)))
      .leftJoin(managers, and(eq(managers.auctionId, auctions.id), eq(managers.userId, key.bidderId)))
      .leftJoin(bids, and(eq(bids.auctionId, auctions.id), eq(bids.bidderId, key.bidderId), eq(bids.clientBidId, key.clientBidId)))
      .leftJoin(
        bidRefusals,
        and(eq(bidRefusals.auctionId, auctions.id), eq(bidRefusals.bidderId, key.bidderId), eq(bidRefusals.clientBidId, key.clientBidId)),
      )
      .where(eq(auctions.id, key.auctionId));
    if (!row) return NO_CONTEXT;
    const { status, seq, ...settings } = row.auction;
    return {
      auction: { status, seq, settings },
      lot: row.lot ? toLot(row.lot) : null,
      bidder: row.bidder,
      earlierBid: row.earlierBid ? toAcceptedBid(row.earlierBid) : null,
      earlierRefusal: row.earlierRefusal,
      proxied: row.proxied,
    };
  }

  /**
   * Accepts the bid if the auction is still at `seenSeq` (nothing changed since its context was
   * read): next seq, bid row, lot high bid and deadline, in one statement. Null when the auction
   * moved on meanwhile (the caller looks again).
   */
  async acceptIfUnchanged(db: Transaction, key: BidKey, seenSeq: number, bid: BidToWrite): Promise<AcceptedBid | null> {
    return this.acceptWhere(db, key, bid, sql` and ${auctions.seq} = ${seenSeq}`);
  }

  /** Accepts the bid in a transaction that holds the auction row lock (the bid was decided under it). */
  async accept(db: Transaction, key: BidKey, bid: BidToWrite): Promise<AcceptedBid> {
    return (await this.acceptWhere(db, key, bid, sql``))!;
  }

  /**
   * Keeps the first answer to a refused clientBidId; a concurrent first answer wins (returned
   * instead). Its commit does not wait for the disk (`synchronous_commit` off for this statement's
   * transaction only): the record is bookkeeping, not auction state; were it lost in a crash, a
   * retry is decided again, to the same refusal.
   */
  async recordRefusal(db: Transaction, key: BidKey, refusal: StoredRefusal & { at: Date }): Promise<StoredRefusal> {
    const result = await db.execute<StoredRefusal>(sql`
      insert into ${bidRefusals} (${names(bidRefusals.auctionId, bidRefusals.bidderId, bidRefusals.clientBidId, bidRefusals.code, bidRefusals.message, bidRefusals.createdAt)})
      select ${key.auctionId}::uuid, ${key.bidderId}::uuid, ${key.clientBidId}, ${refusal.code}, ${refusal.message}, ${refusal.at}::timestamptz
      from (select set_config('synchronous_commit', 'off', true)) as relaxed
      on conflict (${names(bidRefusals.auctionId, bidRefusals.bidderId, bidRefusals.clientBidId)})
        do update set ${name(bidRefusals.code)} = ${bidRefusals.code}
      returning ${name(bidRefusals.code)} as code, ${name(bidRefusals.message)} as message`);
    return result.rows[0]!;
  }

  /** Bid history, newest first; the cursor is the seq of the last item of the previous page. */
  async history(
    db: Transaction,
    auctionId: string,
    options: { lotId?: string; limit: number; beforeSeq?: number },
  ): Promise<AcceptedBid[]> {
    const rows = await db
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

  /** The auction's next seq (its UPDATE takes the row lock), the lot's high bid and deadline and the bid row, in one statement. */
  private async acceptWhere(db: Transaction, key: BidKey, bid: BidToWrite, sameSeq: SQL): Promise<AcceptedBid | null> {
    const result = await db.execute<{ id: string; seq: number }>(sql`
      with next as (
        update ${auctions} set ${name(auctions.seq)} = ${auctions.seq} + 1
        where ${auctions.id} = ${key.auctionId}${sameSeq}
        returning ${auctions.seq} as seq
      ), lot as (
        update ${lots} set ${name(lots.highBid)} = ${bid.amount}, ${name(lots.highBidderId)} = ${key.bidderId}, ${name(lots.endsAt)} = ${bid.endsAt}
        where ${lots.id} = ${key.lotId} and exists (select 1 from next)
      )
      insert into ${bids} (${names(bids.auctionId, bids.lotId, bids.bidderId, bids.amount, bids.seq, bids.clientBidId, bids.createdAt, bids.endsAt, bids.proxy, bids.proxyMaxAmount)})
      select ${key.auctionId}::uuid, ${key.lotId}::uuid, ${key.bidderId}::uuid, ${bid.amount}::integer, next.seq, ${key.clientBidId},
        ${bid.serverTime}::timestamptz, ${bid.endsAt}::timestamptz, ${bid.proxyMaxAmount !== undefined}, ${bid.proxyMaxAmount ?? null}::integer
      from next
      returning ${name(bids.id)} as id, ${name(bids.seq)} as seq`);
    const row = result.rows[0];
    return row ? acceptedBid(key, bid, row) : null;
  }
}

/** A column's bare name, for the places SQL wants it unqualified (SET, INSERT and ON CONFLICT lists, RETURNING). */
function name(column: Column): SQL {
  return sql`${sql.identifier(column.name)}`;
}

function names(...columns: Column[]): SQL {
  return sql.join(columns.map(name), sql`, `);
}

function acceptedBid(key: BidKey, bid: BidToWrite, row: { id: string; seq: number }): AcceptedBid {
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
    proxy: bid.proxyMaxAmount !== undefined,
  };
}
