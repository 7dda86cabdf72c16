import pg from 'pg';
import type { AuctionState, FormatAuctionState, InvariantCorrection } from '@auction/auction-domain';

/** The auction as stored, in the plain shapes `checkAuctionInvariants` and `checkFormatInvariants` read. */
export async function readAuctionState(databaseUrl: string, auctionId: string): Promise<AuctionState & FormatAuctionState> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const auction = await client.query('select budget, roster_size, nomination_mode from auction.auctions where id = $1', [auctionId]);
    const managers = await client.query(
      'select user_id, spent, budget_remaining from auction.managers where auction_id = $1 order by user_id',
      [auctionId],
    );
    const lots = await client.query(
      'select id, asset_id, status, winner_id, price, turn, nominated_by from auction.lots where auction_id = $1',
      [auctionId],
    );
    const bids = await client.query(
      'select lot_id, seq, amount, bidder_id, proxy, proxy_max_amount from auction.bids where auction_id = $1 order by created_at, seq',
      [auctionId],
    );
    const audit = await client.query(
      `select seq, action, lot_id, details from auction.audit_entries where auction_id = $1 and action in ('undo', 'reassign') order by seq`,
      [auctionId],
    );
    const corrections: InvariantCorrection[] = audit.rows.map((entry) => ({
      lotId: entry.lot_id,
      seq: entry.seq,
      action: entry.action,
      toUserId: entry.action === 'reassign' ? entry.details.toUserId : null,
      price: entry.action === 'reassign' ? entry.details.price : null,
    }));
    const corrected = new Set(corrections.map((correction) => correction.lotId));
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
      nominationMode: auction.rows[0].nomination_mode,
      lots: lots.rows.map((l) => ({
        id: l.id,
        status: l.status,
        winnerId: l.winner_id,
        price: l.price,
        corrected: corrected.has(l.id),
        turn: l.turn,
        nominatedBy: l.nominated_by,
      })),
      bids: bids.rows.map((b) => ({
        lotId: b.lot_id,
        seq: b.seq,
        amount: b.amount,
        bidderId: b.bidder_id,
        proxy: b.proxy,
        proxyMaxAmount: b.proxy_max_amount,
      })),
      corrections,
    };
  } finally {
    await client.end();
  }
}
