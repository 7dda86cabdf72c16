import { Injectable } from '@nestjs/common';
import { and, desc, eq, lt, sql, type Column, type SQL } from 'drizzle-orm';
import type { AcceptedBid } from '@auction/contracts';
import type { AuctionStatus } from '@auction/auction-domain';
import { perHandle, PreparedStatement, type Transaction } from '@auction/db';
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
 * and writes the bid and the lot with it; `recordRefusal` one statement too. Each is a named
 * prepared statement, parsed and planned once per connection.
 */
@Injectable()
export class BidsRepository {
  /** The auction (by key), the lot, the bidder and any earlier answer to this clientBidId, in one statement. */
  async context(db: Transaction, key: BidKey): Promise<BidContext> {
    const [row] = await contextQuery(db).execute({ ...key });
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
    return this.acceptWhere(db, ACCEPT_IF_UNCHANGED, { seenSeq }, key, bid);
  }

  /** Accepts the bid in a transaction that holds the auction row lock (the bid was decided under it). */
  async accept(db: Transaction, key: BidKey, bid: BidToWrite): Promise<AcceptedBid> {
    return (await this.acceptWhere(db, ACCEPT_UNDER_LOCK, {}, key, bid))!;
  }

  /**
   * Keeps the first answer to a refused clientBidId; a concurrent first answer wins (returned
   * instead). Its commit does not wait for the disk (`synchronous_commit` off for this statement's
   * transaction only): the record is bookkeeping, not auction state; were it lost in a crash, a
   * retry is decided again, to the same refusal.
   */
  async recordRefusal(db: Transaction, key: BidKey, refusal: StoredRefusal & { at: Date }): Promise<StoredRefusal> {
    const [stored] = await RECORD_REFUSAL.rows(db, { ...key, ...refusal });
    return stored!;
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

  private async acceptWhere(
    db: Transaction,
    statement: PreparedStatement<AcceptedRow>,
    values: Record<string, unknown>,
    key: BidKey,
    bid: BidToWrite,
  ): Promise<AcceptedBid | null> {
    const [row] = await statement.rows(db, {
      ...values,
      ...key,
      amount: bid.amount,
      serverTime: bid.serverTime,
      endsAt: bid.endsAt,
      proxy: bid.proxyMaxAmount !== undefined,
      proxyMaxAmount: bid.proxyMaxAmount ?? null,
    });
    return row ? acceptedBid(key, bid, row) : null;
  }
}

/**
 * The context read as a named prepared statement over placeholders, made once per handle:
 * PostgreSQL parses and plans it once per connection, and drizzle renders it once.
 */
const contextQuery = perHandle((db) => {
  const auctionId = sql.placeholder('auctionId');
  const bidderId = sql.placeholder('bidderId');
  const clientBidId = sql.placeholder('clientBidId');
  return db
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
    .leftJoin(lots, and(eq(lots.id, sql.placeholder('lotId')), eq(lots.auctionId, auctions.id)))
    .leftJoin(managers, and(eq(managers.auctionId, auctions.id), eq(managers.userId, bidderId)))
    .leftJoin(bids, and(eq(bids.auctionId, auctions.id), eq(bids.bidderId, bidderId), eq(bids.clientBidId, clientBidId)))
    .leftJoin(
      bidRefusals,
      and(eq(bidRefusals.auctionId, auctions.id), eq(bidRefusals.bidderId, bidderId), eq(bidRefusals.clientBidId, clientBidId)),
    )
    .where(eq(auctions.id, auctionId))
    .prepare('bid_context');
});

type AcceptedRow = { id: string; seq: number };

/** The auction's next seq (its UPDATE takes the row lock), the lot's high bid and deadline and the bid row, in one statement. */
function acceptStatement(name: string, sameSeq: SQL): PreparedStatement<AcceptedRow> {
  const value = (name: string) => sql.placeholder(name);
  return new PreparedStatement(
    name,
    sql`
      with next as (
        update ${auctions} set ${column(auctions.seq)} = ${auctions.seq} + 1
        where ${auctions.id} = ${value('auctionId')}${sameSeq}
        returning ${auctions.seq} as seq
      ), lot as (
        update ${lots} set ${column(lots.highBid)} = ${value('amount')}, ${column(lots.highBidderId)} = ${value('bidderId')}, ${column(lots.endsAt)} = ${value('endsAt')}
        where ${lots.id} = ${value('lotId')} and exists (select 1 from next)
      )
      insert into ${bids} (${columns(bids.auctionId, bids.lotId, bids.bidderId, bids.amount, bids.seq, bids.clientBidId, bids.createdAt, bids.endsAt, bids.proxy, bids.proxyMaxAmount)})
      select ${value('auctionId')}::uuid, ${value('lotId')}::uuid, ${value('bidderId')}::uuid, ${value('amount')}::integer, next.seq, ${value('clientBidId')}::text,
        ${value('serverTime')}::timestamptz, ${value('endsAt')}::timestamptz, ${value('proxy')}::boolean, ${value('proxyMaxAmount')}::integer
      from next
      returning ${column(bids.id)} as id, ${column(bids.seq)} as seq`,
  );
}

const ACCEPT_IF_UNCHANGED = acceptStatement('bid_accept_if_unchanged', sql` and ${auctions.seq} = ${sql.placeholder('seenSeq')}`);
const ACCEPT_UNDER_LOCK = acceptStatement('bid_accept_under_lock', sql``);

const RECORD_REFUSAL = new PreparedStatement<StoredRefusal>(
  'bid_record_refusal',
  sql`
    insert into ${bidRefusals} (${columns(bidRefusals.auctionId, bidRefusals.bidderId, bidRefusals.clientBidId, bidRefusals.code, bidRefusals.message, bidRefusals.createdAt)})
    select ${sql.placeholder('auctionId')}::uuid, ${sql.placeholder('bidderId')}::uuid, ${sql.placeholder('clientBidId')}::text, ${sql.placeholder('code')}::text, ${sql.placeholder('message')}::text, ${sql.placeholder('at')}::timestamptz
    from (select set_config('synchronous_commit', 'off', true)) as relaxed
    on conflict (${columns(bidRefusals.auctionId, bidRefusals.bidderId, bidRefusals.clientBidId)})
      do update set ${column(bidRefusals.code)} = ${bidRefusals.code}
    returning ${column(bidRefusals.code)} as code, ${column(bidRefusals.message)} as message`,
);

/** A column's bare name, for the places SQL wants it unqualified (SET, INSERT and ON CONFLICT lists, RETURNING). */
function column(of: Column): SQL {
  return sql`${sql.identifier(of.name)}`;
}

function columns(...of: Column[]): SQL {
  return sql.join(of.map(column), sql`, `);
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
