import { Injectable } from '@nestjs/common';
import { DomainError, type LeagueMailRecipients, type LeagueMembership, type ScoringContext } from '@auction/contracts';
import { AssetsRepository } from '../catalogue/assets.repository.js';
import { toMembership } from '../leagues/league.js';
import { requireLeague } from '../leagues/league-rules.js';
import { LeaguesRepository } from '../leagues/leagues.repository.js';
import { MembersRepository } from '../leagues/members.repository.js';

/** Reads other services need about a league. */
@Injectable()
export class InternalLeaguesQuery {
  constructor(
    private readonly leagues: LeaguesRepository,
    private readonly members: MembersRepository,
    private readonly assets: AssetsRepository,
  ) {}

  /** 404 `NOT_FOUND` for an unknown league, 404 `NOT_A_MEMBER` for someone not in it. */
  async membership(leagueId: string, userId: string): Promise<LeagueMembership> {
    const member = await this.members.find(leagueId, userId);
    if (member) return toMembership(member);
    requireLeague(await this.leagues.findById(leagueId));
    throw new NotAMember();
  }

  /** Members with their addresses, for the auction engine's schedule and reminder mails (never shown to users). */
  async mailRecipients(leagueId: string): Promise<LeagueMailRecipients> {
    const league = requireLeague(await this.leagues.findById(leagueId));
    const members = await this.members.listOf(leagueId);
    return {
      leagueId: league.id,
      name: league.name,
      commissionerId: league.commissionerId,
      members: members.map((m) => ({ userId: m.userId, displayName: m.displayName, email: m.email })),
    };
  }

  async scoringContext(leagueId: string): Promise<ScoringContext> {
    const league = requireLeague(await this.leagues.findById(leagueId));
    const [members, catalogue, pool] = await Promise.all([
      this.members.listOf(leagueId),
      this.assets.ofSport(league.sport),
      this.assets.poolOf(leagueId),
    ]);
    return {
      leagueId: league.id,
      sport: league.sport,
      scoringRules: { ...league.scoringRules },
      commissionerId: league.commissionerId,
      status: league.status,
      members: members.map((m) => ({ userId: m.userId, displayName: m.displayName, joinedAt: m.joinedAt.toISOString() })),
      catalogue: catalogue.map(({ id, externalId, name, shortName, team, aliases, registryId }) => ({
        id,
        externalId,
        name,
        shortName,
        team,
        aliases,
        registryId,
      })),
      poolAssetIds: pool.map((asset) => asset.id),
    };
  }
}

/** For the internal lookup "is this user a member?", no membership is a missing resource: 404, code `NOT_A_MEMBER`. */
class NotAMember extends DomainError {
  constructor() {
    super('NOT_A_MEMBER', 'This user is not a member of this league.');
  }

  override get status(): number {
    return 404;
  }
}
