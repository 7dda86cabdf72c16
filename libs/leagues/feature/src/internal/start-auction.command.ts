import { Injectable } from '@nestjs/common';
import { DomainError, type AuctionSetup, type StartAuctionRequest } from '@auction/contracts';
import type { Database } from '@auction/db';
import { AssetsRepository } from '../catalogue/assets.repository.js';
import { UnitOfWork } from '../db/unit-of-work.js';
import { toMember, type StoredLeague } from '../leagues/league.js';
import { requireLeague } from '../leagues/league-rules.js';
import { LeaguesRepository } from '../leagues/leagues.repository.js';
import { MembersRepository } from '../leagues/members.repository.js';

/**
 * `POST /internal/leagues/:id/start-auction`, called by the auction engine. Under the league
 * row lock (the one joins take): only the commissioner, only with enough managers, only once.
 * Repeating it with the same auction id answers the same setup; another auction id is refused.
 */
@Injectable()
export class StartAuction {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly leagues: LeaguesRepository,
    private readonly members: MembersRepository,
    private readonly assets: AssetsRepository,
  ) {}

  execute(leagueId: string, request: StartAuctionRequest): Promise<AuctionSetup> {
    return this.uow.run(async (db) => {
      const league = requireLeague(await this.leagues.findForUpdate(db, leagueId));
      if (league.commissionerId !== request.userId) {
        throw new DomainError('NOT_COMMISSIONER', 'Only the commissioner of this league can start its auction.');
      }
      if (league.auctionId === request.auctionId) return this.setupOf(db, league);
      if (league.status !== 'open') throw new DomainError('AUCTION_STARTED', 'This league’s auction has already started.');
      const managers = await this.members.count(leagueId, db);
      if (managers < league.minManagers) {
        throw new DomainError(
          'NOT_ENOUGH_MANAGERS',
          `The auction needs at least ${league.minManagers} managers; ${managers} ${managers === 1 ? 'has' : 'have'} joined so far.`,
        );
      }
      return this.setupOf(db, await this.leagues.startAuction(db, leagueId, request.auctionId));
    });
  }

  private async setupOf(db: Database, league: StoredLeague): Promise<AuctionSetup> {
    const members = await this.members.listOf(league.id, db);
    const pool = await this.assets.poolOf(league.id, db);
    return {
      leagueId: league.id,
      name: league.name,
      sport: league.sport,
      commissionerId: league.commissionerId,
      settings: {
        budget: league.budget,
        rosterSize: league.rosterSize,
        openingBid: league.openingBid,
        minIncrement: league.minIncrement,
        bidTimerSeconds: league.bidTimerSeconds,
        antiSnipeSeconds: league.antiSnipeSeconds,
        lotGapSeconds: league.lotGapSeconds,
        leadInSeconds: league.leadInSeconds,
        nominationOrder: league.nominationOrder,
        scoringRules: { ...league.scoringRules },
      },
      members: members.map(toMember),
      assets: pool.map(({ id, externalId, name, shortName, team, role }) => ({ id, externalId, name, shortName, team, role })),
    };
  }
}
