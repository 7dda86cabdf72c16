import { Injectable } from '@nestjs/common';
import type { League } from '@auction/contracts';
import { poolCsv } from '@auction/leagues-domain';
import { AssetsRepository } from '../catalogue/assets.repository.js';
import { toLeague } from './league.js';
import { requireLeague, requireMember } from './league-rules.js';
import { LeaguesRepository } from './leagues.repository.js';
import { MembersRepository } from './members.repository.js';

/** `GET /api/leagues/:id` and its pool as CSV: members only. */
@Injectable()
export class LeaguesQuery {
  constructor(
    private readonly leagues: LeaguesRepository,
    private readonly members: MembersRepository,
    private readonly assets: AssetsRepository,
  ) {}

  async get(leagueId: string, viewerId: string): Promise<League> {
    const league = requireLeague(await this.leagues.findById(leagueId));
    requireMember(await this.members.find(leagueId, viewerId));
    const [pool, members] = await Promise.all([this.leagues.poolIds(leagueId), this.members.listOf(leagueId)]);
    return toLeague(league, pool, members, viewerId);
  }

  async poolCsv(leagueId: string, viewerId: string): Promise<string> {
    const league = requireLeague(await this.leagues.findById(leagueId));
    requireMember(await this.members.find(leagueId, viewerId));
    return poolCsv(league.sport, await this.assets.poolOf(leagueId));
  }
}
