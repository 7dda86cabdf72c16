import { Injectable } from '@nestjs/common';
import type { InviteTokenAnswer } from '@auction/contracts';
import type { AuthUser } from '@auction/auth-guard';
import { newInviteToken } from '@auction/leagues-domain';
import { UnitOfWork } from '../db/unit-of-work.js';
import { requireCommissioner, requireLeague } from './league-rules.js';
import { LeaguesRepository } from './leagues.repository.js';
import { MembersRepository } from './members.repository.js';

/** `POST /api/leagues/:id/invite-token`: a new token; the old one stops working at once (joins re-check it under the lock). */
@Injectable()
export class RotateInviteToken {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly leagues: LeaguesRepository,
    private readonly members: MembersRepository,
  ) {}

  execute(actor: AuthUser, leagueId: string): Promise<InviteTokenAnswer> {
    return this.uow.run(async (db) => {
      const league = requireLeague(await this.leagues.findForUpdate(db, leagueId));
      requireCommissioner(league, await this.members.find(leagueId, actor.id, db));
      const inviteToken = newInviteToken();
      await this.leagues.setInviteToken(db, leagueId, inviteToken);
      return { leagueId, inviteToken };
    });
  }
}
