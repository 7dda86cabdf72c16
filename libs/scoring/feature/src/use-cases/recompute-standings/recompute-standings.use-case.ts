import { Injectable } from '@nestjs/common';
import type { ScoringContext } from '@auction/contracts';
import { Transactor } from '@auction/db';
import { leagueLock } from '../../db/league-lock.js';
import { StandingsRecompute } from '../../standings/standings-recompute.js';

export interface RecomputeStandingsInput {
  context: ScoringContext;
}

/** Scores a league's matches again where needed and ranks its managers afresh, under the league's lock (operations, `bench:scoring`). */
@Injectable()
export class RecomputeStandingsUseCase {
  constructor(
    private readonly transactor: Transactor,
    private readonly standings: StandingsRecompute,
  ) {}

  execute({ context }: RecomputeStandingsInput): Promise<void> {
    return this.transactor.run((tx) => this.standings.recompute(tx, context), leagueLock(context.leagueId));
  }
}
