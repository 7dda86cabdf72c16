import pg from 'pg';
import type { AuctionState, FormatAuctionState } from '@auction/auction-domain';

/** The auction as stored, in the plain shape `checkAuctionInvariants` reads. */
export async function readAuctionState(databaseUrl: string, auctionId: string): Promise<AuctionState> {
  return withClient(databaseUrl, async (client) => {
    const auction = await client.query('select budget, roster_size from auction.auctions where id = $1', [auctionId]);
    const managers = await client.query(
      'select user_id, spent, budget_remaining from auction.managers where auction_id = $1 order by user_id',
      [auctionId],
    );
    const lots = await client.query('select id, asset_id, status, winner_id, price from auction.lots where auction_id = $1', [auctionId]);
    const bids = await client.query(
      'select lot_id, seq, amount, bidder_id from auction.bids where auction_id = $1 order by created_at, seq',
      [auctionId],
    );
    return {
      budget: auction.rows[0].budget,
      rosterSize: auction.rows[0].roster_size,
      managers: managers.rows.map((m) => ({
        userId: m.user_id,
        spent: m.spent,
        budgetRemaining: m.budget_remaining,
        roster: lots.rows
          .filter((l) => l.status === 'sold' && l.winner_id === m.user_id)
          .map((l) => ({ assetId: l.asset_id, price: l.price })),
      })),
      lots: lots.rows.map((l) => ({ id: l.id, status: l.status, winnerId: l.winner_id, price: l.price })),
      bids: bids.rows.map((b) => ({ lotId: b.lot_id, seq: b.seq, amount: b.amount, bidderId: b.bidder_id })),
    };
  });
}

/** What `checkFormatInvariants` reads: the mode, each lot's turn and nominator, the bids in order. */
export async function readFormatState(databaseUrl: string, auctionId: string): Promise<FormatAuctionState> {
  return withClient(databaseUrl, async (client) => {
    const auction = await client.query('select nomination_mode from auction.auctions where id = $1', [auctionId]);
    const lots = await client.query('select id, status, winner_id, price, turn, nominated_by from auction.lots where auction_id = $1', [
      auctionId,
    ]);
    const bids = await client.query('select lot_id, seq, amount, bidder_id from auction.bids where auction_id = $1 order by seq', [
      auctionId,
    ]);
    return {
      nominationMode: auction.rows[0].nomination_mode,
      lots: lots.rows.map((l) => ({
        id: l.id,
        status: l.status,
        winnerId: l.winner_id,
        price: l.price,
        turn: l.turn,
        nominatedBy: l.nominated_by,
      })),
      bids: bids.rows.map((b) => ({
        lotId: b.lot_id,
        seq: b.seq,
        amount: b.amount,
        bidderId: b.bidder_id,
        proxy: false,
        proxyMaxAmount: null,
      })),
      corrections: [],
    };
  });
}

async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
