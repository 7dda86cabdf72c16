import pg from 'pg';
import type { AuctionState, FormatAuctionState } from '@auction/auction-domain';
// Test support of the auction feature (moves to test/integration/auction/support/).
import { readAuctionState } from '../test/integration/auction/support/auction-state.js';

export interface StoredLot {
  id: string;
  assetId: string;
  status: 'pending' | 'open' | 'sold' | 'unsold';
  openedAt: number | null;
  endsAt: number | null;
  closedAt: number | null;
  closedSeq: number | null;
  winnerId: string | null;
  price: number | null;
  /** `managers` mode: who nominated it, and whether the engine did it for them. */
  nominatedBy: string | null;
  autoNominated: boolean;
}

export interface StoredBid {
  id: string;
  lotId: string;
  bidderId: string;
  amount: number;
  seq: number;
  createdAt: number;
  endsAt: number;
  /** Placed by the engine for the bidder's proxy. */
  proxy: boolean;
}

/** One auction as the database holds it after a run: what the judge reads. */
export interface StoredAuction {
  id: string;
  status: string;
  seq: number;
  bidTimerMs: number;
  openingBid: number;
  minIncrement: number;
  lots: StoredLot[];
  bids: StoredBid[];
  state: AuctionState & FormatAuctionState;
}

const ms = (value: Date | null): number | null => (value ? value.getTime() : null);

export async function readStoredAuction(databaseUrl: string, auctionId: string): Promise<StoredAuction> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => undefined); // a dropped connection fails the query, not the process
  await client.connect();
  try {
    const auction = (
      await client.query('select status, seq, bid_timer_seconds, opening_bid, min_increment from auction.auctions where id = $1', [
        auctionId,
      ])
    ).rows[0];
    const lots = await client.query(
      'select id, asset_id, status, opened_at, ends_at, closed_at, closed_seq, winner_id, price, nominated_by, auto_nominated from auction.lots where auction_id = $1 order by position',
      [auctionId],
    );
    const bids = await client.query(
      'select id, lot_id, bidder_id, amount, seq, created_at, ends_at, proxy from auction.bids where auction_id = $1 order by seq',
      [auctionId],
    );
    return {
      id: auctionId,
      status: auction.status,
      seq: auction.seq,
      bidTimerMs: auction.bid_timer_seconds * 1000,
      openingBid: auction.opening_bid,
      minIncrement: auction.min_increment,
      lots: lots.rows.map((l) => ({
        id: l.id,
        assetId: l.asset_id,
        status: l.status,
        openedAt: ms(l.opened_at),
        endsAt: ms(l.ends_at),
        closedAt: ms(l.closed_at),
        closedSeq: l.closed_seq,
        winnerId: l.winner_id,
        price: l.price,
        nominatedBy: l.nominated_by,
        autoNominated: l.auto_nominated,
      })),
      bids: bids.rows.map((b) => ({
        id: b.id,
        lotId: b.lot_id,
        bidderId: b.bidder_id,
        amount: b.amount,
        seq: b.seq,
        createdAt: b.created_at.getTime(),
        endsAt: b.ends_at.getTime(),
        proxy: b.proxy,
      })),
      state: await readAuctionState(databaseUrl, auctionId),
    };
  } finally {
    await client.end();
  }
}
