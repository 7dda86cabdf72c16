import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@auction/contracts';
import type { AuthUser } from '@auction/auth-guard';
import type { Logger } from '@auction/observability';
import { LOGGER } from '@auction/platform';
import { EventBus } from '@auction/realtime';
import { Transactor } from '@auction/db';
import { LobbyEvents } from '../../membership/lobby-events.js';
import { requireCommissioner, requireLeague, requireOpen } from '../../leagues/league-rules.js';
import { LeaguesRepository } from '../../leagues/leagues.repository.js';
import { MembersRepository } from '../../leagues/members.repository.js';

export interface RemoveMemberInput {
  actor: AuthUser;
  leagueId: string;
  userId: string;
}

/**
 * `DELETE /api/leagues/:id/members/:userId`: the commissioner removes a member before the
 * auction. The invite token still works for them; rotate it to keep them out. The auction
 * engine hears `league.member_removed` and takes their sockets out of the league's rooms.
 */
@Injectable()
export class RemoveMemberUseCase {
  constructor(
    private readonly transactor: Transactor,
    private readonly leagues: LeaguesRepository,
    private readonly members: MembersRepository,
    private readonly lobby: LobbyEvents,
    private readonly bus: EventBus,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute({ actor, leagueId, userId }: RemoveMemberInput): Promise<void> {
    await this.transactor.run(async (db) => {
      const league = requireLeague(await this.leagues.findForUpdate(db, leagueId));
      requireCommissioner(league, await this.members.find(db, leagueId, actor.id));
      requireOpen(league);
      if (userId === league.commissionerId) {
        throw new DomainError('CONFLICT', 'The commissioner can’t be removed from their own league.');
      }
      if (!(await this.members.remove(db, leagueId, userId))) {
        throw new DomainError('NOT_FOUND', 'That person is not a member of this league.');
      }
    });
    this.lobby.memberLeft(leagueId, userId);
    // The removal is committed either way; if Redis is away, their sockets lose the lobby at token expiry.
    await this.bus.publish('league.member_removed', { leagueId, userId }).catch((error: Error) => {
      this.logger.warn({ leagueId, err: error.message }, 'member removal not published');
    });
  }
}
