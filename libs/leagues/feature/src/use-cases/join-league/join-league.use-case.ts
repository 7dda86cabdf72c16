import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type LeagueMembership } from '@auction/contracts';
import type { AuthUser } from '@auction/auth-guard';
import type { DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';
import { toMembership } from '../../leagues/league.js';
import { LeaguesRepository } from '../../leagues/leagues.repository.js';
import { MembersRepository } from '../../leagues/members.repository.js';
import { LeagueLimits } from '../../league-limits.js';
import { AdmitMember, unknownInvite } from '../../membership/admit-member.js';

export interface JoinLeagueInput {
  user: AuthUser;
  inviteToken: string;
}

/** `POST /api/leagues/join {inviteToken}`: idempotent; rate-limited per user (see LeagueLimits). */
@Injectable()
export class JoinLeagueUseCase {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    private readonly leagues: LeaguesRepository,
    private readonly members: MembersRepository,
    private readonly admit: AdmitMember,
    private readonly limits: LeagueLimits,
  ) {}

  async execute({ user, inviteToken }: JoinLeagueInput): Promise<LeagueMembership> {
    const league = await this.leagues.findByInviteToken(inviteToken);
    const existing = league ? await this.members.find(this.database.db, league.id, user.id) : null;
    if (existing) return toMembership(existing);

    await this.limits.joins.assertNotExhausted(user.id);
    try {
      if (!league) throw unknownInvite();
      const { membership, created } = await this.admit.execute({
        leagueId: league.id,
        newcomer: { userId: user.id, email: user.email.toLowerCase(), displayName: user.displayName },
        via: { kind: 'invite-token', inviteToken },
      });
      if (created) await this.limits.joins.penalise(user.id);
      return membership;
    } catch (error) {
      if (error instanceof DomainError) await this.limits.joins.penalise(user.id);
      throw error;
    }
  }
}
