import { Inject, Injectable } from '@nestjs/common';
import type { Invitation, Page } from '@auction/contracts';
import type { AuthUser } from '@auction/auth-guard';
import { invitationStatus } from '@auction/leagues-domain';
import { CLOCK, type Clock } from '@auction/platform';
import { requireCommissioner, requireLeague } from '../leagues/league-rules.js';
import { LeaguesRepository } from '../leagues/leagues.repository.js';
import { MembersRepository } from '../leagues/members.repository.js';
import { decodeInvitationCursor, encodeInvitationCursor } from './invitation-cursor.js';
import { InvitationsRepository } from './invitations.repository.js';

/** `GET /api/leagues/:id/invitations` (commissioner): every mailed invitation and where it stands, by address. */
@Injectable()
export class InvitationsQuery {
  constructor(
    private readonly leagues: LeaguesRepository,
    private readonly members: MembersRepository,
    private readonly invitations: InvitationsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(actor: AuthUser, leagueId: string, query: { limit: number; cursor?: string }): Promise<Page<Invitation>> {
    const league = requireLeague(await this.leagues.findById(leagueId));
    requireCommissioner(league, await this.members.find(leagueId, actor.id));
    const after = query.cursor === undefined ? null : decodeInvitationCursor(query.cursor);
    const rows = await this.invitations.page(leagueId, query.limit + 1, after);
    const now = this.clock.now();
    const items = rows.slice(0, query.limit).map((row) => ({
      email: row.email,
      invitedAt: row.sentAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
      status: invitationStatus(row, now),
    }));
    const last = items.at(-1);
    return { items, nextCursor: rows.length > query.limit && last ? encodeInvitationCursor(last.email) : null };
  }
}
