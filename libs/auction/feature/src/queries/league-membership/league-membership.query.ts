import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@auction/contracts';
import type { DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import { LeaguesClient } from '../../data/leagues.client.js';

export interface LeagueMembershipInput {
  leagueId: string;
  userId: string;
}

/** Lobby membership from the leagues service; if it is down, our own copy of the league's members. */
@Injectable()
export class LeagueMembershipQuery {
  constructor(
    private readonly leagues: LeaguesClient,
    private readonly auctions: AuctionsRepository,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
  ) {}

  async execute({ leagueId, userId }: LeagueMembershipInput): Promise<boolean> {
    try {
      return (await this.leagues.membership(leagueId, userId)) !== null;
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'SERVICE_UNAVAILABLE') throw error;
      const auction = await this.auctions.findByLeague(this.database.db, leagueId);
      if (!auction) throw error;
      return (await this.auctions.manager(this.database.db, auction.id, userId)) !== null;
    }
  }
}
