/** A bid for its auction's lane. */
export interface LaneBid<T> {
  amount: number;
  /** An answer that needs no turn (a refusal of a bid beaten by one already written), or null if it needs one. */
  early: () => Promise<T> | null;
  /** The decision in its turn: the lane goes on once it settles. */
  decide: () => Promise<T>;
}

/** A bid waiting in a lane: its amount, an answer without a turn if it has one by now, and its turn. */
interface Waiting {
  amount: number;
  answeredEarly: () => boolean;
  turn: () => Promise<void>;
}

/**
 * On this replica, one bid of an auction is decided at a time; the others wait in its lane. When
 * a lot opens and its bidders all bid at once, deciding them side by side only makes them miss
 * each other's compare-and-set and read again. Once a decision is written, every waiting bid it
 * beat is answered at once without a turn (see SeenLots and BeatenRefusals: one statement for all
 * of them, outside the lane), and the highest bid still waiting goes next (the earliest of equal
 * ones): the bids waiting are concurrent, none answered yet, so any order of them is a valid
 * serial order, and this one leaves the most of them beaten by a bid already written. Other
 * auctions are not held up: each has its own lane. With equal amounts and no early answers, a
 * lane is a queue: one at a time, in arrival order (ProxyWrites).
 */
export class AuctionLanes {
  /** Present while a bid of the auction is being decided: the bids waiting after it, in arrival order. */
  private readonly lanes = new Map<string, Waiting[]>();

  run<T>(auctionId: string, bid: LaneBid<T>): Promise<T> {
    const early = attempt(bid.early);
    if (early) return early;
    return new Promise<T>((resolve, reject) => {
      const waiting: Waiting = {
        amount: bid.amount,
        answeredEarly: () => {
          const answer = attempt(bid.early);
          answer?.then(resolve, reject);
          return answer !== null;
        },
        turn: () => {
          const answer = attempt(bid.decide)!;
          answer.then(resolve, reject);
          return answer.then(
            () => undefined,
            () => undefined,
          );
        },
      };
      const lane = this.lanes.get(auctionId);
      if (lane) lane.push(waiting);
      else void this.open(auctionId, waiting);
    });
  }

  /** Answers every bid waiting in the auction's lane that has its answer without a turn now (a bid written elsewhere beat it). */
  answerEarly(auctionId: string): void {
    const lane = this.lanes.get(auctionId);
    if (lane) takeAnsweredEarly(lane);
  }

  private async open(auctionId: string, first: Waiting): Promise<void> {
    const lane: Waiting[] = [];
    this.lanes.set(auctionId, lane);
    for (let next: Waiting | undefined = first; next; next = takeHighest(takeAnsweredEarly(lane))) await next.turn();
    this.lanes.delete(auctionId);
  }
}

/** A call's promise; one that throws at once is a rejected promise, so it is still answered and still frees the lane. */
function attempt<T>(call: () => Promise<T> | null): Promise<T> | null {
  try {
    return call();
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Takes out of the lane every bid that has its answer without a turn now. */
function takeAnsweredEarly(lane: Waiting[]): Waiting[] {
  let kept = 0;
  for (const waiting of lane) if (!waiting.answeredEarly()) lane[kept++] = waiting;
  lane.length = kept;
  return lane;
}

function takeHighest(lane: Waiting[]): Waiting | undefined {
  if (lane.length === 0) return undefined;
  let best = 0;
  for (let i = 1; i < lane.length; i++) if (lane[i]!.amount > lane[best]!.amount) best = i;
  return lane.splice(best, 1)[0];
}
