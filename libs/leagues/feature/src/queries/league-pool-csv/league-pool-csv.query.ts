import { Inject, Injectable } from '@nestjs/common';
import type { DatabaseHandle } from '@auction/db';
import { poolCsv } from '@auction/leagues-domain';
import { DATABASE } from '@auction/platform';
import { AssetsRepository } from '../../catalogue/assets.repository.js';
import { requireLeague, requireMember } from '../../leagues/league-rules.js';
import { LeaguesRepository } from '../../leagues/leagues.repository.js';
import { MembersRepository } from '../../leagues/members.repository.js';

export interface LeaguePoolCsvInput {
  leagueId: string;
  viewerId: string;
}

/** `GET /api/leagues/:id/assets.csv`: the league's pool as CSV, members only. */
@Injectable()
export class LeaguePoolCsvQuery {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    private readonly leagues: LeaguesRepository,
    private readonly members: MembersRepository,
    private readonly assets: AssetsRepository,
  ) {}

  async execute({ leagueId, viewerId }: LeaguePoolCsvInput): Promise<string> {
    const { db } = this.database;
    const league = requireLeague(await this.leagues.findById(db, leagueId));
    requireMember(await this.members.find(db, leagueId, viewerId));
    return poolCsv(league.sport, await this.assets.poolOf(db, leagueId));
  }
}
