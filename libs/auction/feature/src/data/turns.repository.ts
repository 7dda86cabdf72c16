import { Injectable } from '@nestjs/common';
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { PoolAsset } from '@auction/auction-domain';
import { perHandle, type Transaction } from '@auction/db';
import type { AcceptedBid } from '@auction/contracts';
import type { Lot } from '../model/auction-state.js';
import { toAcceptedBid, toLot } from './row-mappers.js';
import { auctions, bids, lots, managers } from './schema/index.js';

export interface TurnToStart {
  turnNumber: number;
  userId: string;
  endsAt: Date;
}

export interface LotOpening {
  now: Date;
  endsAt: Date;
  turn: number;
  nominatedBy: string;
  auto: boolean;
}

/** The pool as a nomination sees it: every asset, and which are taken (sold, or on the open lot). */
export interface StoredPool {
  assets: PoolAsset[];
  taken: Set<string>;
}

/**
 * Turns of `managers` mode (SPEC §8). Like every auction write, these run in a transaction that
 * holds the auction row lock; `claimTurnTimeout` is in addition the conditional update that lets
 * exactly one caller act on a turn's timeout, whichever replicas race for it.
 */
@Injectable()
export class TurnsRepository {
  async startTurn(db: Transaction, auctionId: string, seq: number, turn: TurnToStart): Promise<void> {
    await db
      .update(auctions)
      .set({ seq, turnNumber: turn.turnNumber, turnUserId: turn.userId, turnEndsAt: turn.endsAt, nextLotAt: null })
      .where(eq(auctions.id, auctionId));
  }

  /** True for exactly one caller per turn: the turn is still in progress, and due. */
  async claimTurnTimeout(db: Transaction, auctionId: string, turnNumber: number, now: Date): Promise<boolean> {
    const rows = await db
      .update(auctions)
      .set({ turnEndsAt: null })
      .where(
        and(
          eq(auctions.id, auctionId),
          eq(auctions.status, 'live'),
          eq(auctions.turnNumber, turnNumber),
          sql`${auctions.turnEndsAt} <= ${now}`,
        ),
      )
      .returning({ id: auctions.id });
    return rows.length > 0;
  }

  /** Ends the turn in progress at `seq`: its lot opens. */
  async endTurn(db: Transaction, auctionId: string, seq: number): Promise<void> {
    await db.update(auctions).set({ seq, turnEndsAt: null }).where(eq(auctions.id, auctionId));
  }

  /** Opens the asset's lot for the turn, if the asset is still waiting (null otherwise). */
  async openNominatedLot(db: Transaction, auctionId: string, assetId: string, opening: LotOpening): Promise<Lot | null> {
    const [row] = await db
      .update(lots)
      .set({
        status: 'open',
        openedAt: opening.now,
        endsAt: opening.endsAt,
        turn: opening.turn,
        nominatedBy: opening.nominatedBy,
        autoNominated: opening.auto,
      })
      .where(and(eq(lots.auctionId, auctionId), eq(lots.assetId, assetId), eq(lots.status, 'pending')))
      .returning();
    return row ? toLot(row) : null;
  }

  /** The lot a nomination with this clientBidId opened, and its bid (a retry gets the first answer). */
  async earlierNomination(
    db: Transaction,
    auctionId: string,
    nominatorId: string,
    clientBidId: string,
  ): Promise<{ lot: Lot; bid: AcceptedBid } | null> {
    const [row] = await db
      .select({ lot: lots, bid: bids })
      .from(bids)
      .innerJoin(lots, and(eq(lots.id, bids.lotId), eq(lots.nominatedBy, bids.bidderId)))
      .where(and(eq(bids.auctionId, auctionId), eq(bids.bidderId, nominatorId), eq(bids.clientBidId, clientBidId)));
    return row ? { lot: toLot(row.lot), bid: toAcceptedBid(row.bid) } : null;
  }

  async setTurnOrder(db: Transaction, auctionId: string, turnOrder: readonly string[]): Promise<void> {
    await db
      .update(auctions)
      .set({ turnOrder: [...turnOrder] })
      .where(eq(auctions.id, auctionId));
  }

  async pool(db: Transaction, auctionId: string): Promise<StoredPool> {
    const rows = await db
      .select({ id: lots.assetId, rank: lots.assetRank, status: lots.status })
      .from(lots)
      .where(eq(lots.auctionId, auctionId));
    return {
      assets: rows.map(({ id, rank }) => ({ id, rank })),
      taken: new Set(rows.filter((row) => row.status !== 'pending').map((row) => row.id)),
    };
  }

  /** Each manager's roster size, by user id. */
  async rosterCounts(db: Transaction, auctionId: string): Promise<Record<string, number>> {
    const rows = await db
      .select({ userId: managers.userId, n: managers.rosterCount })
      .from(managers)
      .where(eq(managers.auctionId, auctionId));
    return Object.fromEntries(rows.map((row) => [row.userId, row.n]));
  }

  /** Live auctions with a turn in progress, soonest timeout first (served by the partial index). */
  async turnsByDeadline(db: Transaction, limit: number): Promise<Array<{ id: string; turnNumber: number; turnEndsAt: Date }>> {
    const rows = await turnsByDeadlineQuery(db).execute({ limit });
    return rows.map((r) => ({ id: r.id, turnNumber: r.turnNumber, turnEndsAt: r.turnEndsAt! }));
  }
}

/** Swept five times a second by every replica (NominationTimer): prepared once per connection, as the other sweeps. */
const turnsByDeadlineQuery = perHandle((db) =>
  db
    .select({ id: auctions.id, turnNumber: auctions.turnNumber, turnEndsAt: auctions.turnEndsAt })
    .from(auctions)
    .where(and(isNotNull(auctions.turnEndsAt), sql`${auctions.status} = 'live'`))
    .orderBy(asc(auctions.turnEndsAt))
    .limit(sql.placeholder('limit'))
    .prepare('sweep_turns_by_deadline'),
);
