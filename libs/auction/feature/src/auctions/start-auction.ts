import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type AuctionSnapshot } from '@auction/contracts';
import { isAuctionComplete, lotOrder } from '@auction/auction-domain';
import { CLOCK, type Clock } from '@auction/platform';
import { auctionIdOf, type AuctionSetup } from '../leagues/auction-setup.js';
import { LeaguesClient } from '../leagues/leagues.client.js';
import { LotCloser } from '../lots/lot-closer.js';
import { LotSettlement } from '../lots/lot-settlement.js';
import { AuctionBroadcaster } from './auction-broadcaster.js';
import { buildSnapshot } from './auction-state.js';
import { AuctionsRepository, type NewLot } from './auctions.repository.js';

/**
 * Starts a league's auction: the leagues service checks the commissioner and the managers
 * and hands over the setup, which is copied into our own tables so a running auction never
 * depends on leagues being up. The first lot opens in the same transaction (seq 1).
 */
@Injectable()
export class StartAuction {
  constructor(
    private readonly leagues: LeaguesClient,
    private readonly auctions: AuctionsRepository,
    private readonly broadcaster: AuctionBroadcaster,
    private readonly closer: LotCloser,
    private readonly settlement: LotSettlement,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(leagueId: string, userId: string): Promise<AuctionSnapshot> {
    const auctionId = auctionIdOf(leagueId);
    const setup = await this.leagues.startAuction(leagueId, userId, auctionId);
    const now = this.clock.now();
    const lots = this.lotsOf(setup, auctionId);
    const complete = isAuctionComplete({ rosterSize: setup.settings.rosterSize, rosterCounts: setup.members.map(() => 0), lotsRemaining: lots.length });
    const endsAt = new Date(now.getTime() + setup.settings.bidTimerSeconds * 1000);
    if (!complete) Object.assign(lots[0]!, { status: 'open', openedAt: now, endsAt });
    await this.auctions.transaction(async (db) => {
      await this.auctions.insertOnce(
        db,
        {
          id: auctionId,
          leagueId,
          name: setup.name,
          sport: setup.sport,
          commissionerId: setup.commissionerId,
          status: complete ? 'completed' : 'live',
          seq: 1,
          ...setup.settings,
          createdAt: now,
          completedAt: complete ? now : null,
        },
        setup.members.map((member) => ({
          auctionId,
          userId: member.userId,
          displayName: member.displayName,
          role: member.role,
          joinedAt: new Date(member.joinedAt),
          budgetRemaining: setup.settings.budget,
        })),
        lots,
      ).then((inserted) => {
        if (!inserted) throw alreadyStarted();
      });
    });
    const view = (await this.auctions.view(auctionId))!;
    this.broadcaster.auctionStarted(leagueId, auctionId);
    if (view.currentLot) {
      this.broadcaster.lotOpened(auctionId, view.currentLot, 1, view.lotsRemaining, 'live', now);
      this.closer.watch(view.currentLot.endsAt);
    } else {
      this.settlement.announceCompleted(auctionId, 1);
    }
    return buildSnapshot(view, this.clock.now());
  }

  private lotsOf(setup: AuctionSetup, auctionId: string): NewLot[] {
    return lotOrder(setup.assets, setup.settings.nominationOrder).map((asset, position) => ({
      id: randomUUID(),
      auctionId,
      position,
      assetId: asset.id,
      assetExternalId: asset.externalId,
      assetName: asset.name,
      assetShortName: asset.shortName,
      assetTeam: asset.team,
      assetRole: asset.role,
      status: 'pending' as const,
      openingBid: setup.settings.openingBid,
    }));
  }
}

function alreadyStarted(): DomainError {
  return new DomainError('AUCTION_STARTED', 'This league’s auction has already started.');
}
