import { Inject, Injectable } from '@nestjs/common';
import type { InvitePreview } from '@auction/contracts';
import type { DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';
import { unknownInvite } from '../../membership/admit-member.js';
import { LeaguesRepository } from '../../leagues/leagues.repository.js';
import { MembersRepository } from '../../leagues/members.repository.js';

export interface InvitePreviewInput {
  inviteToken: string;
}

/** `GET /api/leagues/invites/:inviteToken`: what the invite link leads to, for someone not signed in yet. */
@Injectable()
export class InvitePreviewQuery {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    private readonly leagues: LeaguesRepository,
    private readonly members: MembersRepository,
  ) {}

  async execute({ inviteToken }: InvitePreviewInput): Promise<InvitePreview> {
    const league = await this.leagues.findByInviteToken(inviteToken);
    if (!league) throw unknownInvite();
    const [commissioner, managers] = await Promise.all([
      this.members.find(this.database.db, league.id, league.commissionerId),
      this.members.count(this.database.db, league.id),
    ]);
    return {
      leagueId: league.id,
      name: league.name,
      sport: league.sport,
      commissionerName: commissioner?.displayName ?? 'The commissioner',
      status: league.status,
      managers,
      maxManagers: league.maxManagers,
    };
  }
}
