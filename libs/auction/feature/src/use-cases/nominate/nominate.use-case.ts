import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type NominationAnswer, type NominationRequest } from '@auction/contracts';
import { checkNomination } from '@auction/auction-domain';
import { Transactor, type Transaction } from '@auction/db';
import { CLOCK, Drain, type Clock } from '@auction/platform';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import { TurnsRepository } from '../../data/turns.repository.js';
import { nominationsTotal } from '../../metrics.js';
import { currentLotView, type Auction } from '../../model/auction-state.js';
import { LotDeadlines } from '../shared/due-times.js';
import { NominationTurns } from '../shared/nomination-turns.js';
import { observeTurn } from '../shared/turn-metrics.js';

export interface NominateInput extends NominationRequest {
  auctionId: string;
  nominatorId: string;
}

/**
 * A manager nominates in their turn (HTTP and socket alike): under the auction row lock the
 * nomination is checked (`checkNomination`: the turn, the asset, then the opening bid's rules)
 * and the lot opens with their bid as its first. A retry of an accepted nomination's
 * `clientBidId` gets the same answer; a refusal changes nothing.
 */
@Injectable()
export class NominateUseCase {
  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly turns: TurnsRepository,
    private readonly nominationTurns: NominationTurns,
    private readonly deadlines: LotDeadlines,
    private readonly transactor: Transactor,
    private readonly drain: Drain,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(input: NominateInput): Promise<NominationAnswer> {
    return this.drain.run(() => this.nominate(input));
  }

  private async nominate(input: NominateInput): Promise<NominationAnswer> {
    const outcome = await this.transactor
      .run(async (tx) => {
        const auction = await this.auctions.lockAuction(tx, input.auctionId);
        if (!auction) throw new DomainError('NOT_FOUND', 'There is no such auction.');
        const earlier = await this.turns.earlierNomination(tx, input.auctionId, input.nominatorId, input.clientBidId);
        if (earlier) return { replay: true as const, lot: earlier.lot, bid: earlier.bid, auction };
        const now = this.clock.now();
        await this.check(tx, auction, input, now);
        const opened = await this.nominationTurns.open(tx, auction, { ...input, auto: false }, now);
        return { replay: false as const, ...opened, auction };
      })
      .catch((error: unknown) => {
        nominationsTotal.inc({ result: error instanceof DomainError ? error.code : 'INTERNAL' });
        throw error;
      });
    if (!outcome.replay) {
      nominationsTotal.inc({ result: 'manual' });
      observeTurn(outcome.auction, outcome.now);
      this.nominationTurns.announceOpened(outcome);
      this.deadlines.watch(outcome.lot.endsAt);
    }
    const lot = { ...outcome.lot, highBid: outcome.bid.amount, highBidderId: outcome.bid.bidderId, endsAt: new Date(outcome.bid.endsAt) };
    const view = currentLotView(lot, 'live', this.clock.now());
    return { lot: { ...view, nominatedBy: input.nominatorId, auto: lot.autoNominated }, bid: outcome.bid };
  }

  private async check(tx: Transaction, auction: Auction, input: NominateInput, now: Date): Promise<void> {
    if (auction.settings.nominationMode !== 'managers') {
      throw new DomainError('NOT_YOUR_TURN', 'In this auction the lots open by themselves, in the commissioner’s order.');
    }
    const manager = await this.auctions.manager(tx, auction.id, input.nominatorId);
    const check = checkNomination({
      auctionStatus: auction.status,
      turn: auction.turnEndsAt && auction.turnUserId ? { userId: auction.turnUserId, endsAt: auction.turnEndsAt } : null,
      nominatorId: input.nominatorId,
      nominator: manager ? { isManager: true, ...manager } : { isManager: false, budgetRemaining: 0, rosterCount: 0 },
      pool: await this.turns.pool(tx, auction.id),
      assetId: input.assetId,
      amount: input.amount,
      settings: auction.settings,
      now,
    });
    if (!check.ok) throw new DomainError(check.code, check.message);
  }
}
