/** A bid waiting for its auction's lane: its amount, and its turn (done when the lane may go on). */
interface Waiting {
  amount: number;
  turn: () => Promise<void>;
}

/** Decides a bid in its turn; a decision that needs no turn (a refusal on a bid already written) calls `leave` first. */
export type LaneDecision<T> = (leave: () => void) => Promise<T>;

/**
 * On this replica, one bid of an auction is decided at a time; the others wait in its lane. When
 * a lot opens and its bidders all bid at once, deciding them side by side only makes them miss
 * each other's compare-and-set and read again. Once a decision is written, the highest bid
 * waiting goes next (the earliest of equal ones): the bids waiting are concurrent, none answered
 * yet, so any order of them is a valid serial order, and this one leaves the others beaten by a
 * bid already written, which the next turn refuses in one statement each (see SeenLots), outside
 * the lane. Other auctions are not held up: each has its own lane.
 */
export class AuctionLanes {
  /** Present while a bid of the auction is being decided: the bids waiting after it, in arrival order. */
  private readonly lanes = new Map<string, Waiting[]>();

  run<T>(auctionId: string, amount: number, decide: LaneDecision<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const turn = () =>
        new Promise<void>((done) => {
          // As a promise, a decision that throws at once is still answered and still frees the lane.
          new Promise<T>((settle) => settle(decide(done))).then(resolve, reject).finally(done);
        });
      const waiting: Waiting = { amount, turn };
      const lane = this.lanes.get(auctionId);
      if (lane) lane.push(waiting);
      else void this.open(auctionId, waiting);
    });
  }

  private async open(auctionId: string, first: Waiting): Promise<void> {
    const lane: Waiting[] = [];
    this.lanes.set(auctionId, lane);
    for (let next: Waiting | undefined = first; next; next = takeHighest(lane)) await next.turn();
    this.lanes.delete(auctionId);
  }
}

function takeHighest(lane: Waiting[]): Waiting | undefined {
  if (lane.length === 0) return undefined;
  let best = 0;
  for (let i = 1; i < lane.length; i++) if (lane[i]!.amount > lane[best]!.amount) best = i;
  return lane.splice(best, 1)[0];
}
