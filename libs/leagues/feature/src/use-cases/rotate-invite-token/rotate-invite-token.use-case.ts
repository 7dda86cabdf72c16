import { Injectable } from '@nestjs/common';
import type { InviteTokenAnswer } from '@auction/contracts';
import type { AuthUser } from '@auction/auth-guard';
import { newInviteToken } from '@auction/leagues-domain';
import { Transactor } from '@auction/db';
import { requireCommissioner, requireLeague } from '../../leagues/league-rules.js';
import { LeaguesRepository } from '../../leagues/leagues.repository.js';
import { MembersRepository } from '../../leagues/members.repository.js';

export interface RotateInviteTokenInput {
  actor: AuthUser;
  leagueId: string;
}

/** `POST /api/leagues/:id/invite-token`: a new token; the old one stops working at once (joins re-check it under the lock). */
@Injectable()
export class RotateInviteTokenUseCase {
  constructor(
    private readonly transactor: Transactor,
    private readonly leagues: LeaguesRepository,
    private readonly members: MembersRepository,
  ) {}

  execute({ actor, leagueId }: RotateInviteTokenInput): Promise<InviteTokenAnswer> {
    return this.transactor.run(async (db) => {
      const league = requireLeague(await this.leagues.findForUpdate(db, leagueId));
      requireCommissioner(league, await this.members.find(db, leagueId, actor.id));
      const inviteToken = newInviteToken();
      await this.leagues.setInviteToken(db, leagueId, inviteToken);
      return { leagueId, inviteToken };
    });
  }
}
