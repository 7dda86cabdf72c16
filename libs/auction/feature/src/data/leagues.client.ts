import { Injectable } from '@nestjs/common';
import { DomainError, type AuctionSetup, type LeagueMailRecipients, type LeagueMembership } from '@auction/contracts';
import { ServiceClient } from '@auction/service-client';

/** The leagues service's internal routes. */
@Injectable()
export class LeaguesClient {
  constructor(private readonly services: ServiceClient) {}

  /** Marks the league's auction as started and hands over its settings, members and assets. */
  startAuction(leagueId: string, userId: string, auctionId: string): Promise<AuctionSetup> {
    return this.services.call<AuctionSetup>('leagues', 'POST', `/internal/leagues/${leagueId}/start-auction`, { userId, auctionId });
  }

  /** Every member with their address, for mails about the auction (read when sending, never stored here). */
  mailRecipients(leagueId: string): Promise<LeagueMailRecipients> {
    return this.services.call<LeagueMailRecipients>('leagues', 'GET', `/internal/leagues/${leagueId}/mail-recipients`);
  }

  /**
   * The membership, or null when the user is not a member (or the league does not exist).
   * Never cached: a removed member must not get back in on a stale answer.
   */
  async membership(leagueId: string, userId: string): Promise<LeagueMembership | null> {
    try {
      return await this.services.call<LeagueMembership>('leagues', 'GET', `/internal/leagues/${leagueId}/members/${userId}`);
    } catch (error) {
      if (error instanceof DomainError && ['NOT_A_MEMBER', 'NOT_FOUND'].includes(error.code)) return null;
      throw error;
    }
  }
}
