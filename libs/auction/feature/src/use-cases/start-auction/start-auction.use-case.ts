import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type AuctionSetup, type AuctionSnapshot } from '@auction/contracts';
import { drawTurnOrder, isAuctionComplete, lotOrder, pauseEnd } from '@auction/auction-domain';
import { Transactor, type DatabaseHandle } from '@auction/db';
import { CLOCK, DATABASE, type Clock } from '@auction/platform';
import { AuditRepository } from '../../data/audit.repository.js';
import { AuctionsRepository, type NewAuction, type NewLot } from '../../data/auctions.repository.js';
import { LeaguesClient } from '../../data/leagues.client.js';
import { auctionIdOf } from '../../model/auction-id.js';
import { buildSnapshot } from '../../model/auction-state.js';
import { LotDeadlines, ScheduledStartTimes } from '../shared/due-times.js';
import { LotSettlement } from '../shared/lot-settlement.js';
import { NominationTurns } from '../shared/nomination-turns.js';
import { RoomEvents } from '../shared/room-events.js';
import { requireSchedulable } from '../shared/schedulable.js';
import { ScheduleMails } from '../shared/schedule-mails.js';

export interface StartAuctionInput {
  leagueId: string;
  userId: string;
  /** A scheduled start; without it the auction is live at once. */
  startsAt?: Date;
}

/**
 * Starts a league's auction: the leagues service checks the commissioner and the managers
 * and hands over the setup, which is copied into our own tables so a running auction never
 * depends on leagues being up. Without `startsAt` the auction is live at once: the first lot
 * opens in the same transaction (seq 1), or after the lead-in (seq 1 is going live, with
 * `next_lot_at`). With `startsAt` it is `scheduled` (seq 0) and every member is mailed the time;
 * the scheduler takes it live (`GoLiveUseCase`). A start already within the reminder's lead time gets no
 * separate reminder: the schedule mail is it.
 */
@Injectable()
export class StartAuctionUseCase {
  constructor(
    private readonly leagues: LeaguesClient,
    private readonly auctions: AuctionsRepository,
    private readonly audit: AuditRepository,
    private readonly room: RoomEvents,
    private readonly deadlines: LotDeadlines,
    private readonly starts: ScheduledStartTimes,
    private readonly settlement: LotSettlement,
    private readonly mails: ScheduleMails,
    private readonly turns: NominationTurns,
    private readonly transactor: Transactor,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ leagueId, userId, startsAt }: StartAuctionInput): Promise<AuctionSnapshot> {
    const now = this.clock.now();
    if (startsAt) requireSchedulable(startsAt, now);
    const auctionId = auctionIdOf(leagueId);
    const setup = await this.leagues.startAuction(leagueId, userId, auctionId);
    const lots = this.lotsOf(setup, auctionId);
    const row = startsAt ? this.scheduled(setup, auctionId, startsAt, now) : this.live(setup, auctionId, lots, now);
    await this.transactor.run(async (tx) => {
      const inserted = await this.auctions.insertOnce(tx, row, this.managersOf(setup, auctionId), lots);
      if (!inserted) throw alreadyStarted();
      if (!startsAt) await this.audit.record(tx, { auctionId, seq: 1, at: now, actorId: userId, action: 'start', details: {} });
    });
    const view = (await this.auctions.view(this.database.db, auctionId))!;
    this.room.auctionStarted(leagueId, auctionId);
    if (startsAt) {
      this.mails.scheduled(view.auction);
      this.starts.watch(startsAt);
    } else if (view.currentLot) {
      this.room.lotOpened(auctionId, view.currentLot, 1, view.lotsRemaining, 'live', now);
      this.deadlines.watch(view.currentLot.endsAt);
    } else if (view.auction.turnEndsAt) {
      this.turns.announceTurn({ kind: 'turn', auctionId, userId: view.auction.turnUserId!, endsAt: view.auction.turnEndsAt, seq: 1 });
    } else if (view.auction.nextLotAt) {
      this.room.live(auctionId, 1, view.auction.nextLotAt);
      this.deadlines.watch(view.auction.nextLotAt);
    } else {
      this.settlement.announceCompleted(auctionId, 1);
    }
    return buildSnapshot(view, this.clock.now());
  }

  private live(setup: AuctionSetup, auctionId: string, lots: NewLot[], now: Date): NewAuction {
    const complete = isAuctionComplete({
      rosterSize: setup.settings.rosterSize,
      rosterCounts: setup.members.map(() => 0),
      lotsRemaining: lots.length,
    });
    const nextLotAt = complete ? null : pauseEnd(now, setup.settings.leadInSeconds);
    const row: NewAuction = {
      ...this.auctionOf(setup, auctionId, now),
      status: complete ? 'completed' : 'live',
      seq: 1,
      nextLotAt,
      completedAt: complete ? now : null,
    };
    if (setup.settings.nominationMode === 'managers') return { ...row, ...this.turnsFromNow(setup, complete || nextLotAt !== null, now) };
    if (!complete && !nextLotAt) {
      Object.assign(lots[0]!, { status: 'open', openedAt: now, endsAt: new Date(now.getTime() + setup.settings.bidTimerSeconds * 1000) });
    }
    return row;
  }

  /** `managers` mode going live at once: the random turn order, and the first turn unless it waits (lead-in) or nothing is left. */
  private turnsFromNow(setup: AuctionSetup, waiting: boolean, now: Date): Partial<NewAuction> {
    const turnOrder = drawTurnOrder(setup.members.map((member) => member.userId));
    if (waiting) return { turnOrder };
    return {
      turnOrder,
      turnNumber: 1,
      turnUserId: turnOrder[0],
      turnEndsAt: new Date(now.getTime() + setup.settings.nominationSeconds * 1000),
    };
  }

  private scheduled(setup: AuctionSetup, auctionId: string, startsAt: Date, now: Date): NewAuction {
    return {
      ...this.auctionOf(setup, auctionId, now),
      status: 'scheduled',
      seq: 0,
      startsAt,
      reminderSentAt: this.mails.reminderDue(startsAt, now) ? now : null,
    };
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
      assetRank: asset.rank,
      status: 'pending' as const,
      openingBid: setup.settings.openingBid,
    }));
  }
}

function alreadyStarted(): DomainError {
  return new DomainError('AUCTION_STARTED', 'This league’s auction has already started.');
}
