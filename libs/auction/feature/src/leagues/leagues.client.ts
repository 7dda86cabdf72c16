import { Injectable } from '@nestjs/common';
import { DomainError } from '@auction/contracts';
import { ServiceClient } from '@auction/service-client';
import type { LeagueMailRecipients } from '@auction/contracts';
import type { AuctionSetup, LeagueMembership } from './auction-setup.js';

const MEMBER_TTL_MS = 30_000;
const NON_MEMBER_TTL_MS = 3_000;
const MAX_CACHED = 10_000;

/** The leagues service's internal routes, with a short cache of lobby membership checks. */
@Injectable()
export class LeaguesClient {
  private readonly members = new Map<string, { value: LeagueMembership | null; expires: number }>();

  constructor(private readonly services: ServiceClient) {}

  /** Marks the league's auction as started and hands over its settings, members and assets. */
  startAuction(leagueId: string, userId: string, auctionId: string): Promise<AuctionSetup> {
    return this.services.call<AuctionSetup>('leagues', 'POST', `/internal/leagues/${leagueId}/start-auction`, { userId, auctionId });
  }

  /** Every member with their address, for mails about the auction (read when sending, never stored here). */
  mailRecipients(leagueId: string): Promise<LeagueMailRecipients> {
    return this.services.call<LeagueMailRecipients>('leagues', 'GET', `/internal/leagues/${leagueId}/mail-recipients`);
  }

  /** The membership, or null when the user is not a member (or the league does not exist). */
  async membership(leagueId: string, userId: string): Promise<LeagueMembership | null> {
    const key = `${leagueId}:${userId}`;
    const cached = this.members.get(key);
    if (cached && cached.expires > Date.now()) return cached.value;
    const value = await this.fetchMembership(leagueId, userId);
    if (this.members.size >= MAX_CACHED) this.members.clear();
    this.members.set(key, { value, expires: Date.now() + (value ? MEMBER_TTL_MS : NON_MEMBER_TTL_MS) });
    return value;
  }

  private async fetchMembership(leagueId: string, userId: string): Promise<LeagueMembership | null> {
    try {
      return await this.services.call<LeagueMembership>('leagues', 'GET', `/internal/leagues/${leagueId}/members/${userId}`);
    } catch (error) {
      if (error instanceof DomainError && ['NOT_A_MEMBER', 'NOT_FOUND'].includes(error.code)) return null;
      throw error;
    }
  }
}
