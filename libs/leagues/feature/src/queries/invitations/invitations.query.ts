import { Inject, Injectable } from '@nestjs/common';
import type { Invitation, Page } from '@auction/contracts';
import type { AuthUser } from '@auction/auth-guard';
import { invitationStatus } from '@auction/leagues-domain';
import type { DatabaseHandle } from '@auction/db';
import { CLOCK, DATABASE, type Clock } from '@auction/platform';
import { requireCommissioner, requireLeague } from '../../leagues/league-rules.js';
import { LeaguesRepository } from '../../leagues/leagues.repository.js';
import { MembersRepository } from '../../leagues/members.repository.js';
import { decodeInvitationCursor, encodeInvitationCursor } from '../../invitations/invitation-cursor.js';
import { InvitationsRepository } from '../../invitations/invitations.repository.js';

export interface InvitationsInput {
  actor: AuthUser;
  leagueId: string;
  page: { limit: number; cursor?: string };
}

/** `GET /api/leagues/:id/invitations` (commissioner): every mailed invitation and where it stands, by address. */
@Injectable()
export class InvitationsQuery {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    private readonly leagues: LeaguesRepository,
    private readonly members: MembersRepository,
    private readonly invitations: InvitationsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ actor, leagueId, page: query }: InvitationsInput): Promise<Page<Invitation>> {
    const league = requireLeague(await this.leagues.findById(this.database.db, leagueId));
    requireCommissioner(league, await this.members.find(this.database.db, leagueId, actor.id));
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
