import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type LeagueMembership } from '@auction/contracts';
import type { DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';
import { toMembership } from '../../leagues/league.js';
import { requireLeague } from '../../leagues/league-rules.js';
import { LeaguesRepository } from '../../leagues/leagues.repository.js';
import { MembersRepository } from '../../leagues/members.repository.js';

export interface LeagueMembershipInput {
  leagueId: string;
  userId: string;
}

/** `GET /internal/leagues/:id/members/:userId`: 404 `NOT_FOUND` for an unknown league, 404 `NOT_A_MEMBER` for someone not in it. */
@Injectable()
export class LeagueMembershipQuery {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    private readonly leagues: LeaguesRepository,
    private readonly members: MembersRepository,
  ) {}

  async execute({ leagueId, userId }: LeagueMembershipInput): Promise<LeagueMembership> {
    const { db } = this.database;
    const member = await this.members.find(db, leagueId, userId);
    if (member) return toMembership(member);
    requireLeague(await this.leagues.findById(db, leagueId));
    throw new NotAMember();
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
