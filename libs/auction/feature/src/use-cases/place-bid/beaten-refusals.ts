import DataLoader from 'dataloader';
import type { BeatenAnswer, BeatenBid } from '../../data/bids.repository.js';

/** More than this many refusals at once go in more than one statement. */
const MOST_IN_ONE_STATEMENT = 500;

type WriteRefusals = (beaten: readonly BeatenBid[]) => Promise<Array<BeatenAnswer | null>>;

/**
 * The refusals of bids already beaten on this replica's view, gathered into one statement
 * (`refuseAllIfStillBeaten`) as a group commit: one statement at a time, and the refusals asked
 * for while it runs go together in the next. When a lot opens and its bidders all bid at once,
 * most of their bids are beaten on arrival or by the first bid decided; one statement each would
 * queue for the database's connections ahead of the bids still to be decided.
 */
export class BeatenRefusals {
  private readonly loader: DataLoader<BeatenBid, BeatenAnswer | null>;
  private inFlight: Promise<unknown> | null = null;

  constructor(write: WriteRefusals) {
    this.loader = new DataLoader((beaten) => this.send(write, beaten), {
      cache: false,
      maxBatchSize: MOST_IN_ONE_STATEMENT,
      batchScheduleFn: (dispatch) => this.afterInFlight(dispatch),
    });
  }

  /** The bid's answer: its refusal, an earlier answer to its clientBidId, or null if it is no longer beaten. */
  refuse(beaten: BeatenBid): Promise<BeatenAnswer | null> {
    return this.loader.load(beaten);
  }

  private send(write: WriteRefusals, beaten: readonly BeatenBid[]): Promise<Array<BeatenAnswer | null>> {
    const sent = write(beaten);
    const settled = sent.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight = settled;
    void settled.then(() => {
      if (this.inFlight === settled) this.inFlight = null;
    });
    return sent;
  }

  /** The next statement goes once the one running is answered; with none running, once this turn of the event loop has gathered what it read. */
  private afterInFlight(dispatch: () => void): void {
    if (this.inFlight) void this.inFlight.then(() => setImmediate(dispatch));
    else setImmediate(dispatch);
  }
}
