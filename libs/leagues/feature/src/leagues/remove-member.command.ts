import { Injectable } from '@nestjs/common';
import { DomainError } from '@auction/contracts';
import type { AuthUser } from '@auction/auth-guard';
import { UnitOfWork } from '../db/unit-of-work.js';
import { LobbyEvents } from '../membership/lobby-events.js';
import { requireCommissioner, requireLeague, requireOpen } from './league-rules.js';
import { LeaguesRepository } from './leagues.repository.js';
import { MembersRepository } from './members.repository.js';

/**
 * `DELETE /api/leagues/:id/members/:userId`: the commissioner removes a member before the
 * auction. The invite token still works for them; rotate it to keep them out.
 */
@Injectable()
export class RemoveMember {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly leagues: LeaguesRepository,
    private readonly members: MembersRepository,
    private readonly lobby: LobbyEvents,
  ) {}

  async execute(actor: AuthUser, leagueId: string, userId: string): Promise<void> {
    await this.uow.run(async (db) => {
      const league = requireLeague(await this.leagues.findForUpdate(db, leagueId));
      requireCommissioner(league, await this.members.find(leagueId, actor.id, db));
      requireOpen(league);
      if (userId === league.commissionerId) {
        throw new DomainError('CONFLICT', 'The commissioner can’t be removed from their own league.');
      }
      if (!(await this.members.remove(db, leagueId, userId))) {
        throw new DomainError('NOT_FOUND', 'That person is not a member of this league.');
      }
    });
    this.lobby.memberLeft(leagueId, userId);
  }
}
