import { Inject, Injectable } from '@nestjs/common';
import type { ScoringContext } from '@auction/contracts';
import type { DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';
import { AssetsRepository } from '../../catalogue/assets.repository.js';
import { requireLeague } from '../../leagues/league-rules.js';
import { LeaguesRepository } from '../../leagues/leagues.repository.js';
import { MembersRepository } from '../../leagues/members.repository.js';

export interface ScoringContextInput {
  leagueId: string;
}

/** What the scoring service needs about a league: sport, rules, members, catalogue and pool. */
@Injectable()
export class ScoringContextQuery {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    private readonly leagues: LeaguesRepository,
    private readonly members: MembersRepository,
    private readonly assets: AssetsRepository,
  ) {}

  async execute({ leagueId }: ScoringContextInput): Promise<ScoringContext> {
    const { db } = this.database;
    const league = requireLeague(await this.leagues.findById(db, leagueId));
    const [members, catalogue, pool] = await Promise.all([
      this.members.listOf(db, leagueId),
      this.assets.ofSport(db, league.sport),
      this.assets.poolOf(db, leagueId),
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
