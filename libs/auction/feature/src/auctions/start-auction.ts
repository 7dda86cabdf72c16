import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type AuctionSnapshot } from '@auction/contracts';
import { isAuctionComplete, lotOrder, pauseEnd, scheduleProblem } from '@auction/auction-domain';
import { CLOCK, type Clock } from '@auction/platform';
import { auctionIdOf, type AuctionSetup } from '../leagues/auction-setup.js';
import { LeaguesClient } from '../leagues/leagues.client.js';
import { LotCloser } from '../lots/lot-closer.js';
import { LotSettlement } from '../lots/lot-settlement.js';
import { ScheduleMails } from '../schedule/schedule-mails.js';
import { ScheduledStarts } from '../schedule/scheduled-starts.js';
import { AuctionBroadcaster } from './auction-broadcaster.js';
import { buildSnapshot } from './auction-state.js';
import { AuctionsRepository, type NewAuction, type NewLot } from './auctions.repository.js';

/**
 * Starts a league's auction: the leagues service checks the commissioner and the managers
 * and hands over the setup, which is copied into our own tables so a running auction never
 * depends on leagues being up. Without `startsAt` the auction is live at once: the first lot
 * opens in the same transaction (seq 1), or after the lead-in (seq 1 is going live, with
 * `next_lot_at`). With `startsAt` it is `scheduled` (seq 0) and every member is mailed the time;
 * `ScheduledStarts` takes it live. A start already within the reminder's lead time gets no
 * separate reminder: the schedule mail is it.
 */
@Injectable()
export class StartAuction {
  constructor(
    private readonly leagues: LeaguesClient,
    private readonly auctions: AuctionsRepository,
    private readonly broadcaster: AuctionBroadcaster,
    private readonly closer: LotCloser,
    private readonly settlement: LotSettlement,
    private readonly mails: ScheduleMails,
    private readonly starts: ScheduledStarts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(leagueId: string, userId: string, startsAt?: Date): Promise<AuctionSnapshot> {
    const now = this.clock.now();
    if (startsAt) requireSchedulable(startsAt, now);
    const auctionId = auctionIdOf(leagueId);
    const setup = await this.leagues.startAuction(leagueId, userId, auctionId);
    const lots = this.lotsOf(setup, auctionId);
    const row = startsAt ? this.scheduled(setup, auctionId, startsAt, now) : this.live(setup, auctionId, lots, now);
    await this.auctions.transaction(async (db) => {
      const inserted = await this.auctions.insertOnce(db, row, this.managersOf(setup, auctionId), lots);
      if (!inserted) throw alreadyStarted();
    });
    const view = (await this.auctions.view(auctionId))!;
    this.broadcaster.auctionStarted(leagueId, auctionId);
    if (startsAt) {
      this.mails.scheduled(view.auction);
      this.starts.watch(startsAt);
    }
    else if (view.currentLot) {
      this.broadcaster.lotOpened(auctionId, view.currentLot, 1, view.lotsRemaining, 'live', now);
      this.closer.watch(view.currentLot.endsAt);
    } else if (view.auction.nextLotAt) {
      this.broadcaster.live(auctionId, 1, view.auction.nextLotAt);
      this.closer.watch(view.auction.nextLotAt);
    } else {
      this.settlement.announceCompleted(auctionId, 1);
    }
    return buildSnapshot(view, this.clock.now());
  }

  private live(setup: AuctionSetup, auctionId: string, lots: NewLot[], now: Date): NewAuction {
    const complete = isAuctionComplete({ rosterSize: setup.settings.rosterSize, rosterCounts: setup.members.map(() => 0), lotsRemaining: lots.length });
    const nextLotAt = complete ? null : pauseEnd(now, setup.settings.leadInSeconds);
    if (!complete && !nextLotAt) {
      Object.assign(lots[0]!, { status: 'open', openedAt: now, endsAt: new Date(now.getTime() + setup.settings.bidTimerSeconds * 1000) });
    }
    return { ...this.auctionOf(setup, auctionId, now), status: complete ? 'completed' : 'live', seq: 1, nextLotAt, completedAt: complete ? now : null };
  }

  private scheduled(setup: AuctionSetup, auctionId: string, startsAt: Date, now: Date): NewAuction {
    return { ...this.auctionOf(setup, auctionId, now), status: 'scheduled', seq: 0, startsAt, reminderSentAt: this.mails.reminderDue(startsAt, now) ? now : null };
  }

  private auctionOf(setup: AuctionSetup, auctionId: string, now: Date): Omit<NewAuction, 'status'> {
    return {
      id: auctionId,
      leagueId: setup.leagueId,
      name: setup.name,
      sport: setup.sport,
      commissionerId: setup.commissionerId,
      ...setup.settings,
      createdAt: now,
    };
  }

  private managersOf(setup: AuctionSetup, auctionId: string) {
    return setup.members.map((member) => ({
      auctionId,
      userId: member.userId,
      displayName: member.displayName,
      role: member.role,
      joinedAt: new Date(member.joinedAt),
      budgetRemaining: setup.settings.budget,
    }));
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

/** 422 with the field named, before anything is asked of the leagues service. */
export function requireSchedulable(startsAt: Date, now: Date): void {
  const problem = scheduleProblem(startsAt, now);
  if (problem) throw new DomainError('VALIDATION_FAILED', problem, { errors: [{ path: 'startsAt', message: problem }] });
}

function alreadyStarted(): DomainError {
  return new DomainError('AUCTION_STARTED', 'This league’s auction has already started.');
}
