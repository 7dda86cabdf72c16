import { Injectable } from '@nestjs/common';
import { DomainError, type AuctionSetup, type StartAuctionRequest } from '@auction/contracts';
import { Transactor, type Database } from '@auction/db';
import { AssetsRepository } from '../../catalogue/assets.repository.js';
import { toMember, type StoredLeague } from '../../leagues/league.js';
import { requireLeague } from '../../leagues/league-rules.js';
import { LeaguesRepository } from '../../leagues/leagues.repository.js';
import { MembersRepository } from '../../leagues/members.repository.js';

export interface LockLeagueForAuctionInput {
  leagueId: string;
  request: StartAuctionRequest;
}

/**
 * The leagues side of starting an auction: `POST /internal/leagues/:id/start-auction`, called by
 * the auction engine before it opens the auction. Under the league row lock (the one joins take):
 * only the commissioner, only with enough managers, only once. The league is marked as in its
 * auction, which closes it to joins and edits, and the setup the auction runs on is answered.
 * Repeating it with the same auction id answers the same setup; another auction id is refused.
 */
@Injectable()
export class LockLeagueForAuctionUseCase {
  constructor(
    private readonly transactor: Transactor,
    private readonly leagues: LeaguesRepository,
    private readonly members: MembersRepository,
    private readonly assets: AssetsRepository,
  ) {}

  execute({ leagueId, request }: LockLeagueForAuctionInput): Promise<AuctionSetup> {
    return this.transactor.run(async (db) => {
      const league = requireLeague(await this.leagues.findForUpdate(db, leagueId));
      if (league.commissionerId !== request.userId) {
        throw new DomainError('NOT_COMMISSIONER', 'Only the commissioner of this league can start its auction.');
      }
      if (league.auctionId === request.auctionId) return this.setupOf(db, league);
      if (league.status !== 'open') throw new DomainError('AUCTION_STARTED', 'This league’s auction has already started.');
      const managers = await this.members.count(db, leagueId);
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
    const members = await this.members.listOf(db, league.id);
    const pool = await this.assets.poolOf(db, league.id);
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
