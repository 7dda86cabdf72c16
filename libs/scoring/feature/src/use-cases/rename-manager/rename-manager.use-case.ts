import { Injectable } from '@nestjs/common';
import type { UserRenamedEvent } from '@auction/contracts';
import { Transactor } from '@auction/db';
import { RostersRepository } from '../../rosters/rosters.repository.js';
import { StandingsRepository } from '../../standings/standings.repository.js';

/**
 * `user.renamed` from auth: leaderboards and stored rosters show the new name (points are
 * untouched), now and in every later recompute. A write that spans leagues and touches no league's
 * scores, so it takes no league lock.
 */
@Injectable()
export class RenameManagerUseCase {
  constructor(
    private readonly transactor: Transactor,
    private readonly rosters: RostersRepository,
    private readonly standings: StandingsRepository,
  ) {}

  execute({ userId, displayName, renamedAt }: UserRenamedEvent): Promise<void> {
    return this.transactor.run(async (tx) => {
      if (await this.rosters.renameManager(tx, userId, displayName, new Date(renamedAt)))
        await this.standings.rename(tx, userId, displayName);
    });
  }
}
