import { Inject, Injectable } from '@nestjs/common';
import type { LeagueMailRecipients } from '@auction/contracts';
import type { DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';
import { requireLeague } from '../../leagues/league-rules.js';
import { LeaguesRepository } from '../../leagues/leagues.repository.js';
import { MembersRepository } from '../../leagues/members.repository.js';

export interface LeagueMailRecipientsInput {
  leagueId: string;
}

/** Members with their addresses, for the auction engine's schedule and reminder mails (never shown to users). */
@Injectable()
export class LeagueMailRecipientsQuery {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    private readonly leagues: LeaguesRepository,
    private readonly members: MembersRepository,
  ) {}

  async execute({ leagueId }: LeagueMailRecipientsInput): Promise<LeagueMailRecipients> {
    const { db } = this.database;
    const league = requireLeague(await this.leagues.findById(db, leagueId));
    const members = await this.members.listOf(db, leagueId);
    return {
      leagueId: league.id,
      name: league.name,
      commissionerId: league.commissionerId,
      members: members.map((m) => ({ userId: m.userId, displayName: m.displayName, email: m.email })),
    };
  }
}
