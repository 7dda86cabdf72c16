import { Inject, Injectable } from '@nestjs/common';
import type { ScoringContext } from '@auction/contracts';
import { Transactor, type DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';
import { leagueLock } from '../../db/league-lock.js';
import { LeagueStatesRepository, type LeagueState } from '../../standings/league-states.repository.js';
import { membersKeyOf, rulesKeyOf } from '../../standings/league-keys.js';
import { StandingsRecompute } from '../../standings/standings-recompute.js';

export interface RefreshStandingsInput {
  context: ScoringContext;
}

/** Before a read: recomputes when the stored standings were made for other rules or members, or marked stale. */
@Injectable()
export class RefreshStandingsUseCase {
  private readonly recomputing = new Map<string, Promise<void>>();

  constructor(
    private readonly transactor: Transactor,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    private readonly states: LeagueStatesRepository,
    private readonly standings: StandingsRecompute,
  ) {}

  async execute({ context }: RefreshStandingsInput): Promise<void> {
    if (isFresh(await this.states.get(this.database.db, context.leagueId), context)) return;
    // One recompute per league at a time in this process; concurrent readers wait for it.
    const running = this.recomputing.get(context.leagueId);
    if (running) return running;
    const work = this.transactor
      .run(async (tx) => {
        if (isFresh(await this.states.get(tx, context.leagueId), context)) return;
        await this.standings.recompute(tx, context);
      }, leagueLock(context.leagueId))
      .finally(() => this.recomputing.delete(context.leagueId));
    this.recomputing.set(context.leagueId, work);
    return work;
  }
}

function isFresh(state: LeagueState | null, context: ScoringContext): boolean {
  return (
    state !== null &&
    !state.standingsStale &&
    state.sport === context.sport &&
    state.rulesKey === rulesKeyOf(context) &&
    state.membersKey === membersKeyOf(context)
  );
}
