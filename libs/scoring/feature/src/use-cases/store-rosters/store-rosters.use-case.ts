import { Injectable } from '@nestjs/common';
import type { AuctionCompletedEvent, ScoringContext } from '@auction/contracts';
import { Transactor } from '@auction/db';
import { counter } from '@auction/observability';
import { leagueLock } from '../../db/league-lock.js';
import { RostersRepository } from '../../rosters/rosters.repository.js';
import { LeaderboardEvents } from '../../standings/leaderboard-events.js';
import { LeagueStatesRepository } from '../../standings/league-states.repository.js';
import { StandingsRecompute } from '../../standings/standings-recompute.js';

const rostersStored = counter('scoring_rosters_stored_total', 'Completed auctions stored as rosters, by source', ['source']);

export interface StoredRosters {
  leagueId: string;
  auctionId: string;
  managers: number;
  assets: number;
}

export interface StoreRostersInput {
  auction: AuctionCompletedEvent;
  /** Null when the leagues service could not be asked: the standings are then marked stale and the next read recomputes them. */
  context: ScoringContext | null;
  source: 'event' | 'rebuild';
}

/**
 * Stores the rosters a completed auction left, replacing any stored before (so a re-delivered
 * event changes nothing), and recomputes the standings in the same transaction.
 */
@Injectable()
export class StoreRostersUseCase {
  constructor(
    private readonly transactor: Transactor,
    private readonly rosters: RostersRepository,
    private readonly states: LeagueStatesRepository,
    private readonly standings: StandingsRecompute,
    private readonly events: LeaderboardEvents,
  ) {}

  async execute({ auction, context, source }: StoreRostersInput): Promise<StoredRosters> {
    const counts = await this.transactor.run(async (tx) => {
      const counts = await this.rosters.replace(tx, auction);
      if (context) await this.standings.recompute(tx, context);
      else await this.states.markStale(tx, auction.leagueId, auction.sport);
      return counts;
    }, leagueLock(auction.leagueId));
    rostersStored.inc({ source });
    if (context) this.events.updated(auction.leagueId);
    return { leagueId: auction.leagueId, auctionId: auction.auctionId, ...counts };
  }
}
