import { Injectable } from '@nestjs/common';
import type { Leaderboard, ScoringContext } from '@auction/contracts';
import { StandingsRepository } from '../../standings/standings.repository.js';
import { RefreshStandingsUseCase } from '../../use-cases/refresh-standings/refresh-standings.use-case.js';

export interface LeaderboardInput {
  context: ScoringContext;
}

/** `GET /api/scoring/leagues/:leagueId/leaderboard`: the stored standings, recomputed first when stale. */
@Injectable()
export class LeaderboardQuery {
  constructor(
    private readonly refresh: RefreshStandingsUseCase,
    private readonly standings: StandingsRepository,
  ) {}

  async execute({ context }: LeaderboardInput): Promise<Leaderboard> {
    await this.refresh.execute({ context });
    // Stored names follow renames through `user.renamed` (RenameManagerUseCase).
    const entries = (await this.standings.ofLeague(context.leagueId)).map(({ joinedAt: _joinedAt, ...entry }) => entry);
    return { leagueId: context.leagueId, entries };
  }
}
