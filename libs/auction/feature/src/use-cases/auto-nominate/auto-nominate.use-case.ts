import { Inject, Injectable } from '@nestjs/common';
import { autoNominationChoice } from '@auction/auction-domain';
import { Transactor } from '@auction/db';
import { CLOCK, type Clock } from '@auction/platform';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import { QueuesRepository } from '../../data/queues.repository.js';
import { TurnsRepository } from '../../data/turns.repository.js';
import { nominationsTotal } from '../../metrics.js';
import { LotDeadlines } from '../shared/due-times.js';
import { NominationTurns } from '../shared/nomination-turns.js';
import { observeTurn } from '../shared/turn-metrics.js';

export interface AutoNominateInput {
  auctionId: string;
  turnNumber: number;
}

/**
 * When a turn runs out the engine nominates for the manager: the first available asset of their
 * queue, else the strongest available by rank, at the opening bid. Any replica may try, any
 * number of times: `claimTurnTimeout` succeeds once per turn (the lot's unique turn backs it).
 */
@Injectable()
export class AutoNominateUseCase {
  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly turns: TurnsRepository,
    private readonly queues: QueuesRepository,
    private readonly nominationTurns: NominationTurns,
    private readonly deadlines: LotDeadlines,
    private readonly transactor: Transactor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** True when this call nominated the turn. */
  async execute({ auctionId, turnNumber }: AutoNominateInput): Promise<boolean> {
    const outcome = await this.transactor.run(async (tx) => {
      const auction = await this.auctions.lockAuction(tx, auctionId);
      const now = this.clock.now();
      if (!auction?.turnUserId || !(await this.turns.claimTurnTimeout(tx, auctionId, turnNumber, now))) return null;
      const queue = await this.queues.find(tx, auctionId, auction.turnUserId);
      const assetId = autoNominationChoice(await this.turns.pool(tx, auctionId), queue);
      // A turn starts only while an asset is waiting, and only its nomination takes one.
      if (!assetId) throw new Error(`auction ${auctionId}: turn ${turnNumber} has nothing to nominate`);
      const nomination = {
        nominatorId: auction.turnUserId,
        assetId,
        amount: auction.settings.openingBid,
        clientBidId: `auto-turn-${turnNumber}`,
        auto: true,
      };
      return { auction, opened: await this.nominationTurns.open(tx, auction, nomination, now) };
    });
    if (!outcome) return false;
    nominationsTotal.inc({ result: 'auto' });
    observeTurn(outcome.auction, outcome.opened.now);
    this.nominationTurns.announceOpened(outcome.opened);
    this.deadlines.watch(outcome.opened.lot.endsAt);
    return true;
  }
}
