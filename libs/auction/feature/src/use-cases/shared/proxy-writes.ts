import { Injectable } from '@nestjs/common';
import { AuctionLanes } from './auction-lanes.js';

/**
 * One proxy write (a set or a removal) of an auction at a time on this replica, in arrival order.
 * Each takes the auction's row lock until it commits. When a lot opens and many managers set
 * their maxima at once, waiting for that lock side by side held one pool connection each, and the
 * bids queued behind them for a connection; here they wait in memory instead.
 */
@Injectable()
export class ProxyWrites {
  private readonly lanes = new AuctionLanes();

  run<T>(auctionId: string, write: () => Promise<T>): Promise<T> {
    return this.lanes.run(auctionId, { amount: 0, early: () => null, decide: write });
  }
}
