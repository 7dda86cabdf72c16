import { Inject, Injectable } from '@nestjs/common';
import type { AuctionCompletedEvent } from '@auction/contracts';
import { counter, type Logger } from '@auction/observability';
import { LOGGER } from '@auction/platform';
import { LeagueTransactions } from '../db/league-transactions.js';
import { LeagueContexts } from '../league-context/league-contexts.js';
import type { ScoringContext } from '@auction/contracts';
import { LeaderboardEvents } from '../standings/leaderboard-events.js';
import { LeagueStatesRepository } from '../standings/league-states.repository.js';
import { RecomputeStandings } from '../standings/recompute-standings.js';
import { RostersRepository } from './rosters.repository.js';

const rostersStored = counter('scoring_rosters_stored_total', 'Completed auctions stored as rosters, by source', ['source']);

export interface StoredRosters {
  leagueId: string;
  auctionId: string;
  managers: number;
  assets: number;
}

/**
 * Stores the rosters a completed auction left, replacing any stored before (so a re-delivered
 * event changes nothing), and recomputes the standings in the same transaction.
 */
@Injectable()
export class StoreRosters {
  constructor(
    private readonly transactions: LeagueTransactions,
    private readonly rosters: RostersRepository,
    private readonly states: LeagueStatesRepository,
    private readonly recompute: RecomputeStandings,
    private readonly contexts: LeagueContexts,
    private readonly events: LeaderboardEvents,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * From the `auction.completed` event. The rosters are stored even when the leagues service
   * cannot be asked for the league right now; the standings are then marked stale and the
   * next read recomputes them.
   */
  async fromEvent(auction: AuctionCompletedEvent): Promise<StoredRosters> {
    this.contexts.forget(auction.leagueId);
    const context = await this.contexts.get(auction.leagueId).catch((error: Error) => {
      this.logger.warn({ leagueId: auction.leagueId, err: error.message }, 'league context unavailable; standings left stale');
      return null;
    });
    return this.store(auction, context, 'event');
  }

  async store(auction: AuctionCompletedEvent, context: ScoringContext | null, source: 'event' | 'rebuild'): Promise<StoredRosters> {
    const counts = await this.transactions.inLeague(auction.leagueId, async (db) => {
      const counts = await this.rosters.replace(db, auction);
      if (context) await this.recompute.within(db, context);
      else await this.states.markStale(db, auction.leagueId, auction.sport);
      return counts;
    });
    rostersStored.inc({ source });
    if (context) this.events.updated(auction.leagueId);
    return { leagueId: auction.leagueId, auctionId: auction.auctionId, ...counts };
  }
}
