import { Inject, Injectable } from '@nestjs/common';
import type { League } from '@auction/contracts';
import type { DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';
import { toLeague } from '../../leagues/league.js';
import { requireLeague, requireMember } from '../../leagues/league-rules.js';
import { LeaguesRepository } from '../../leagues/leagues.repository.js';
import { MembersRepository } from '../../leagues/members.repository.js';

export interface LeagueInput {
  leagueId: string;
  viewerId: string;
}

/** `GET /api/leagues/:id`: members only. */
@Injectable()
export class LeagueQuery {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    private readonly leagues: LeaguesRepository,
    private readonly members: MembersRepository,
  ) {}

  async execute({ leagueId, viewerId }: LeagueInput): Promise<League> {
    const { db } = this.database;
    const league = requireLeague(await this.leagues.findById(db, leagueId));
    requireMember(await this.members.find(db, leagueId, viewerId));
    const [pool, members] = await Promise.all([this.leagues.poolIds(db, leagueId), this.members.listOf(db, leagueId)]);
    return toLeague(league, pool, members, viewerId);
  }
}
