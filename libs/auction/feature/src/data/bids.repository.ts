import { Injectable } from '@nestjs/common';
import { and, desc, eq, lt, sql, type Column, type SQL } from 'drizzle-orm';
import type { AcceptedBid } from '@auction/contracts';
import type { AuctionStatus } from '@auction/auction-domain';
import { perHandle, PreparedStatement, type Transaction } from '@auction/db';
import type { AuctionSettings, Lot } from '../model/auction-state.js';
import { proxiesOnAsset, toLotProxies, type LotProxy } from './proxies.repository.js';
import { rowFromJson, toAcceptedBid, toLot } from './row-mappers.js';
import { auctions, bidRefusals, bids, lots, managers } from './schema/index.js';

export type StoredRefusal = {
  code: string;
  message: string;
};

/** A bid already beaten on a view this replica holds, with its refusal: see `refuseAllIfStillBeaten`. */
export type BeatenBid = BidKey & StoredRefusal & { at: Date; beatenBy: number };

export type BeatenAnswer = { earlierBid: AcceptedBid } | { refusal: StoredRefusal };

export interface BidKey {
  auctionId: string;
  lotId: string;
  bidderId: string;
  clientBidId: string;
}

/** The lot a bid is on. */
export type LotKey = Pick<BidKey, 'auctionId' | 'lotId'>;

export interface BidToWrite {
  amount: number;
  serverTime: Date;
  endsAt: Date;
  /** Set for a bid the engine places for a proxy: that proxy's maximum (stored for the invariant checks, never answered). */
  proxyMaxAmount?: number;
}

/** A bid to write, with who places it. */
export interface PlacedBid extends BidToWrite {
  bidderId: string;
  clientBidId: string;
}

/** What a bid on the auction is ruled on, with the auction's versions. */
export interface AuctionInPlay {
  status: AuctionStatus;
  /** The auction's version: every change of its state (bid, close, open, pause, resume, end) bumps it. */
  seq: number;
  /** Every proxy set or removed bumps it (the maxima are not versioned by `seq`). */
  proxiesVersion: number;
  settings: Pick<AuctionSettings, 'openingBid' | 'minIncrement' | 'rosterSize' | 'antiSnipeSeconds' | 'clockMode' | 'raiseSeconds'>;
}

/** The auction, the lot and the proxies on its asset: what a bid is ruled on, and what the proxies answer it from. */
export interface LotInPlay {
  auction: AuctionInPlay | null;
  lot: Lot | null;
  /** Every proxy on the lot's asset with its owner's purse (a bid on a lot with any is written with their answers). */
  proxies: LotProxy[];
}

/** What a bid is decided on: one consistent view of the auction, the lot and its proxies, the bidder and any earlier answer. */
export interface BidContext extends LotInPlay {
  bidder: { budgetRemaining: number; rosterCount: number } | null;
  /** The first answer to this clientBidId, if there was one. */
  earlierBid: AcceptedBid | null;
  earlierRefusal: StoredRefusal | null;
}

const NO_CONTEXT: BidContext = { auction: null, lot: null, proxies: [], bidder: null, earlierBid: null, earlierRefusal: null };

/**
 * Bids, on the hot path in as few round trips as possible: `context` is one statement (one
 * consistent view, the proxies on the lot included), `acceptAllIfUnchanged` one statement that takes
 * the auction row lock by bumping `seq` and writes the bid (with the proxies' answers to it) and
 * the lot with it; `recordRefusal` one statement too. Each is a named prepared statement, parsed and
 * planned once per connection.
 */
@Injectable()
export class BidsRepository {
  /** The auction (by key), the lot, the bidder and any earlier answer to this clientBidId, in one statement. */
  async context(db: Transaction, key: BidKey): Promise<BidContext> {
    const [row] = await contextQuery(db).execute({ ...key });
    if (!row) return NO_CONTEXT;
    return {
      ...toLotInPlay(row),
      bidder: row.bidder,
      earlierBid: row.earlierBid ? toAcceptedBid(row.earlierBid) : null,
      earlierRefusal: row.earlierRefusal,
    };
  }

  /** The auction, the lot and the proxies on its asset, in one statement: what the lot's proxies are settled on. */
  async lotInPlay(db: Transaction, key: LotKey): Promise<LotInPlay> {
    const [row] = await lotInPlayQuery(db).execute({ ...key });
    return row ? toLotInPlay(row) : NO_CONTEXT;
  }

  /** The same for the auction's open lot if it is the asset's (else no lot). */
  async openLotOfAsset(db: Transaction, auctionId: string, assetId: string): Promise<LotInPlay> {
    const [row] = await openLotOfAssetQuery(db).execute({ auctionId, assetId });
    return row ? toLotInPlay(row) : NO_CONTEXT;
  }

  /**
   * Accepts bids on one lot (a bid and the proxies' answers to it) if the auction is still as
   * `seen` (nothing changed since its context was read, no proxy either): their seqs, the bid
   * rows, the lot's high bid and deadline, in one statement. None when the auction moved on
   * meanwhile (the caller looks again).
   */
  async acceptAllIfUnchanged(
    db: Transaction,
    lot: LotKey,
    seen: Pick<AuctionInPlay, 'seq' | 'proxiesVersion'>,
    placed: readonly PlacedBid[],
  ): Promise<AcceptedBid[]> {
    return this.acceptWhere(db, ACCEPT_IF_UNCHANGED, { seenSeq: seen.seq, seenProxiesVersion: seen.proxiesVersion }, lot, placed);
  }

  /**
   * The same for bids decided on a view this replica holds rather than on a read (SeenLots): written
   * only if, besides the auction's versions, the bidder (the first bid's) is still a manager with
   * that purse and roster count, and their clientBidId has no answer yet. None otherwise (the
   * caller reads and decides again).
   */
  async acceptAllIfCurrent(
    db: Transaction,
    lot: LotKey,
    seen: Pick<AuctionInPlay, 'seq' | 'proxiesVersion'> & { bidder: NonNullable<BidContext['bidder']> },
    placed: readonly PlacedBid[],
  ): Promise<AcceptedBid[]> {
    return this.acceptWhere(
      db,
      ACCEPT_IF_CURRENT,
      {
        seenSeq: seen.seq,
        seenProxiesVersion: seen.proxiesVersion,
        seenBudgetRemaining: seen.bidder.budgetRemaining,
        seenRosterCount: seen.bidder.rosterCount,
        bidderId: placed[0]!.bidderId,
        clientBidId: placed[0]!.clientBidId,
      },
      lot,
      placed,
    );
  }

  /** Accepts the bid in a transaction that holds the auction row lock (the bid was decided under it). */
  async accept(db: Transaction, key: BidKey, bid: BidToWrite): Promise<AcceptedBid> {
    const [accepted] = await this.acceptAll(db, key, [placedBy(key, bid)]);
    return accepted!;
  }

  /**
   * Accepts bids on one lot in this order, one seq each, in one statement (a bid and the proxies'
   * answers to it), in a transaction that holds the auction row lock.
   */
  async acceptAll(db: Transaction, lot: LotKey, placed: readonly PlacedBid[]): Promise<AcceptedBid[]> {
    return this.acceptWhere(db, ACCEPT_UNDER_LOCK, {}, lot, placed);
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

  /**
   * The refusals of bids already beaten on a view this replica holds (each one's lot's high bid
   * was at least its `beatenBy` there), in one statement: a bid whose auction is live, whose lot
   * is open before its deadline with its high bid still at least `beatenBy`, and whose bidder is a
   * manager with room on their roster, is too low in the current state too, and its refusal is kept
   * (its commit not waiting for the disk, as `recordRefusal`). For each it also looks for an
   * earlier answer to its clientBidId: the accepted bid a retry must get again, or the first
   * refusal. One answer per bid, in their order; null where the auction has moved otherwise: the
   * caller decides that bid the usual way.
   */
  async refuseAllIfStillBeaten(db: Transaction, beaten: readonly BeatenBid[]): Promise<Array<BeatenAnswer | null>> {
    const rows = await REFUSE_ALL_IF_STILL_BEATEN.rows(db, {
      auctionIds: beaten.map((bid) => bid.auctionId),
      lotIds: beaten.map((bid) => bid.lotId),
      bidderIds: beaten.map((bid) => bid.bidderId),
      clientBidIds: beaten.map((bid) => bid.clientBidId),
      codes: beaten.map((bid) => bid.code),
      messages: beaten.map((bid) => bid.message),
      ats: beaten.map((bid) => bid.at),
      beatenBys: beaten.map((bid) => bid.beatenBy),
    });
    const answers: Array<BeatenAnswer | null> = beaten.map(() => null);
    for (const row of rows) {
      const i = Number(row.position) - 1;
      if (row.earlierBid) answers[i] = { earlierBid: toAcceptedBid(rowFromJson(bids, row.earlierBid)) };
      else if (row.code) answers[i] = { refusal: { code: row.code, message: row.message! } };
    }
    return answers;
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
    lot: LotKey,
    placed: readonly PlacedBid[],
  ): Promise<AcceptedBid[]> {
    const rows = await statement.rows(db, {
      ...values,
      auctionId: lot.auctionId,
      lotId: lot.lotId,
      bidderIds: placed.map((bid) => bid.bidderId),
      clientBidIds: placed.map((bid) => bid.clientBidId),
      amounts: placed.map((bid) => bid.amount),
      serverTimes: placed.map((bid) => bid.serverTime),
      endsAts: placed.map((bid) => bid.endsAt),
      proxyMaxAmounts: placed.map((bid) => bid.proxyMaxAmount ?? null),
    });
    // One row per bid, in no promised order: their seqs follow the order the bids were given in.
    const bySeq = rows.map((row) => ({ id: row.id, seq: Number(row.seq) })).sort((a, b) => a.seq - b.seq);
    return bySeq.map((row, i) => acceptedBid(lot, placed[i]!, row));
  }
}

function placedBy(key: BidKey, bid: BidToWrite): PlacedBid {
  return { ...bid, bidderId: key.bidderId, clientBidId: key.clientBidId };
}

type LotInPlayRow = {
  auction: Omit<AuctionInPlay, 'settings'> & AuctionInPlay['settings'];
  lot: typeof lots.$inferSelect | null;
  proxies: Parameters<typeof toLotProxies>[0];
};

function toLotInPlay(row: LotInPlayRow): LotInPlay {
  const { status, seq, proxiesVersion, ...settings } = row.auction;
  return { auction: { status, seq, proxiesVersion, settings }, lot: row.lot ? toLot(row.lot) : null, proxies: toLotProxies(row.proxies) };
}

/** What a bid's context and a settlement of the lot's proxies both read: the auction's rules, the lot, its proxies. */
const lotInPlayColumns = {
  auction: {
    status: auctions.status,
    seq: auctions.seq,
    proxiesVersion: auctions.proxiesVersion,
    openingBid: auctions.openingBid,
    minIncrement: auctions.minIncrement,
    rosterSize: auctions.rosterSize,
    antiSnipeSeconds: auctions.antiSnipeSeconds,
    clockMode: auctions.clockMode,
    raiseSeconds: auctions.raiseSeconds,
  },
  lot: lots,
  proxies: proxiesOnAsset(auctions.id, lots.assetId),
};

const lotOfAuction = and(eq(lots.id, sql.placeholder('lotId')), eq(lots.auctionId, auctions.id));

function lotInPlayStatement(name: string, lot: SQL | undefined) {
  return perHandle((db) =>
    db
      .select(lotInPlayColumns)
      .from(auctions)
      .leftJoin(lots, lot)
      .where(eq(auctions.id, sql.placeholder('auctionId')))
      .prepare(name),
  );
}

const lotInPlayQuery = lotInPlayStatement('proxy_lot_in_play', lotOfAuction);
const openLotOfAssetQuery = lotInPlayStatement(
  'proxy_open_lot_of_asset',
  and(eq(lots.auctionId, auctions.id), eq(lots.status, 'open'), eq(lots.assetId, sql.placeholder('assetId'))),
);

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
      ...lotInPlayColumns,
      bidder: { budgetRemaining: managers.budgetRemaining, rosterCount: managers.rosterCount },
      earlierBid: bids,
      earlierRefusal: { code: bidRefusals.code, message: bidRefusals.message },
    })
    .from(auctions)
    .leftJoin(lots, lotOfAuction)
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

/**
 * The auction's next seqs, one per bid (its UPDATE takes the row lock), the lot's high bid and
 * deadline after the last bid, and the bid rows, in one statement. The bids come as arrays,
 * one element per bid, in the order they are placed.
 */
function acceptStatement(name: string, sameSeq: SQL): PreparedStatement<AcceptedRow> {
  const value = (name: string) => sql.placeholder(name);
  const count = sql`cardinality(${value('bidderIds')}::uuid[])`;
  return new PreparedStatement(
    name,
    sql`
      with next as (
        update ${auctions} set ${column(auctions.seq)} = ${auctions.seq} + ${count}
        where ${auctions.id} = ${value('auctionId')}${sameSeq}
        returning ${auctions.seq} as last_seq
      ), placed as (
        select placed.*, next.last_seq - ${count} + placed.position as seq
        from next, unnest(${value('bidderIds')}::uuid[], ${value('amounts')}::integer[], ${value('clientBidIds')}::text[],
          ${value('serverTimes')}::timestamptz[], ${value('endsAts')}::timestamptz[], ${value('proxyMaxAmounts')}::integer[])
          with ordinality as placed(bidder_id, amount, client_bid_id, server_time, ends_at, proxy_max_amount, position)
      ), lot as (
        update ${lots} set ${column(lots.highBid)} = last.amount, ${column(lots.highBidderId)} = last.bidder_id, ${column(lots.endsAt)} = last.ends_at
        from (select amount, bidder_id, ends_at from placed order by position desc limit 1) as last
        where ${lots.id} = ${value('lotId')}
      )
      insert into ${bids} (${columns(bids.auctionId, bids.lotId, bids.bidderId, bids.amount, bids.seq, bids.clientBidId, bids.createdAt, bids.endsAt, bids.proxy, bids.proxyMaxAmount)})
      select ${value('auctionId')}::uuid, ${value('lotId')}::uuid, bidder_id, amount, seq, client_bid_id, server_time, ends_at, proxy_max_amount is not null, proxy_max_amount
      from placed
      returning ${column(bids.id)} as id, ${column(bids.seq)} as seq`,
  );
}

const unchanged = sql` and ${auctions.seq} = ${sql.placeholder('seenSeq')} and ${auctions.proxiesVersion} = ${sql.placeholder('seenProxiesVersion')}`;
const ACCEPT_IF_UNCHANGED = acceptStatement('bid_accept_if_unchanged', unchanged);
const ACCEPT_IF_CURRENT = acceptStatement(
  'bid_accept_if_current',
  sql`${unchanged}
    and exists (
      select 1 from ${managers}
      where ${managers.auctionId} = ${auctions.id} and ${managers.userId} = ${sql.placeholder('bidderId')}
        and ${managers.budgetRemaining} = ${sql.placeholder('seenBudgetRemaining')} and ${managers.rosterCount} = ${sql.placeholder('seenRosterCount')}
    )
    and not exists (
      select 1 from ${bids}
      where ${bids.auctionId} = ${auctions.id} and ${bids.bidderId} = ${sql.placeholder('bidderId')} and ${bids.clientBidId} = ${sql.placeholder('clientBidId')}
    )
    and not exists (
      select 1 from ${bidRefusals}
      where ${bidRefusals.auctionId} = ${auctions.id} and ${bidRefusals.bidderId} = ${sql.placeholder('bidderId')}
        and ${bidRefusals.clientBidId} = ${sql.placeholder('clientBidId')}
    )`,
);
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

const REFUSE_ALL_IF_STILL_BEATEN = new PreparedStatement<{
  position: string;
  earlierBid: Record<string, unknown> | null;
  code: string | null;
  message: string | null;
}>(
  'bid_refuse_all_if_still_beaten',
  sql`
    with asked as (
      select * from unnest(${sql.placeholder('auctionIds')}::uuid[], ${sql.placeholder('lotIds')}::uuid[], ${sql.placeholder('bidderIds')}::uuid[],
        ${sql.placeholder('clientBidIds')}::text[], ${sql.placeholder('codes')}::text[], ${sql.placeholder('messages')}::text[],
        ${sql.placeholder('ats')}::timestamptz[], ${sql.placeholder('beatenBys')}::integer[])
        with ordinality as asked(auction_id, lot_id, bidder_id, client_bid_id, code, message, at, beaten_by, position)
    ), judged as (
      select asked.*,
        (select row_to_json(earlier) from (
          select * from ${bids}
          where ${bids.auctionId} = asked.auction_id and ${bids.bidderId} = asked.bidder_id and ${bids.clientBidId} = asked.client_bid_id
        ) as earlier) as earlier,
        exists (
          select 1 from ${auctions}
          join ${lots} on ${lots.id} = asked.lot_id and ${lots.auctionId} = ${auctions.id}
          join ${managers} on ${managers.auctionId} = ${auctions.id} and ${managers.userId} = asked.bidder_id
          where ${auctions.id} = asked.auction_id and ${auctions.status} = 'live' and ${lots.status} = 'open'
            and ${lots.endsAt} > asked.at and ${lots.highBid} >= asked.beaten_by and ${managers.rosterCount} < ${auctions.rosterSize}
        ) as beaten
      from asked
    ), stored as (
      insert into ${bidRefusals} (${columns(bidRefusals.auctionId, bidRefusals.bidderId, bidRefusals.clientBidId, bidRefusals.code, bidRefusals.message, bidRefusals.createdAt)})
      select distinct on (auction_id, bidder_id, client_bid_id) auction_id, bidder_id, client_bid_id, code, message, at
      from judged, (select set_config('synchronous_commit', 'off', true)) as relaxed
      where earlier is null and beaten
      on conflict (${columns(bidRefusals.auctionId, bidRefusals.bidderId, bidRefusals.clientBidId)})
        do update set ${column(bidRefusals.code)} = ${bidRefusals.code}
      returning ${columns(bidRefusals.auctionId, bidRefusals.bidderId, bidRefusals.clientBidId, bidRefusals.code, bidRefusals.message)}
    )
    -- A bid asked twice in one batch (a retry racing its first try) gets the one answer kept.
    select judged.position, judged.earlier as "earlierBid", stored.code, stored.message
    from judged left join stored using (auction_id, bidder_id, client_bid_id)`,
);

/** A column's bare name, for the places SQL wants it unqualified (SET, INSERT and ON CONFLICT lists, RETURNING). */
function column(of: Column): SQL {
  return sql`${sql.identifier(of.name)}`;
}

function columns(...of: Column[]): SQL {
  return sql.join(of.map(column), sql`, `);
}

function acceptedBid(lot: LotKey, bid: PlacedBid, row: AcceptedRow): AcceptedBid {
  return {
    id: row.id,
    auctionId: lot.auctionId,
    lotId: lot.lotId,
    bidderId: bid.bidderId,
    amount: bid.amount,
    seq: row.seq,
    clientBidId: bid.clientBidId,
    createdAt: bid.serverTime.toISOString(),
    serverTime: bid.serverTime.toISOString(),
    endsAt: bid.endsAt.toISOString(),
    proxy: bid.proxyMaxAmount !== undefined,
  };
}
