import { Injectable } from '@nestjs/common';
import type { InvitePreview } from '@auction/contracts';
import { unknownInvite } from '../membership/admit-member.js';
import { LeaguesRepository } from '../leagues/leagues.repository.js';
import { MembersRepository } from '../leagues/members.repository.js';

/** `GET /api/leagues/invites/:inviteToken`: what the invite link leads to, for someone not signed in yet. */
@Injectable()
export class InvitePreviewQuery {
  constructor(
    private readonly leagues: LeaguesRepository,
    private readonly members: MembersRepository,
  ) {}

  async preview(inviteToken: string): Promise<InvitePreview> {
    const league = await this.leagues.findByInviteToken(inviteToken);
    if (!league) throw unknownInvite();
    const [commissioner, managers] = await Promise.all([this.members.find(league.id, league.commissionerId), this.members.count(league.id)]);
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
