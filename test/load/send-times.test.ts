import { describe, expect, it } from 'vitest';
import { sendTimesOf } from '../../load/baseline.js';
import type { AckRecord } from '../../load/client.js';
import type { RunResult } from '../../load/run.js';

function ack(bidderId: string, auctionId: string, at: number, kind: AckRecord['kind'] = 'bid'): AckRecord {
  return {
    kind,
    at,
    ms: 5,
    auctionId,
    lotId: 'lot',
    bidderId,
    amount: 1,
    clientBidId: `${bidderId}-${at}`,
    tries: 1,
    accepted: null,
    code: null,
  };
}

const view = (userId: string, auctionId: string) => ({ userId, auctionId }) as RunResult['clientViews'][number];

describe("the run's own send times, for the baseline that replays them", () => {
  it("gives each auction's bidders, in the order of the run's clients, their bids' times in order", () => {
    const times = sendTimesOf({
      acks: [ack('u2', 'a', 300), ack('u1', 'a', -4000), ack('u1', 'a', 20), ack('u3', 'b', 7)],
      clientViews: [view('u1', 'a'), view('u2', 'a'), view('u3', 'b'), view('u4', 'b')],
    });
    expect(times).toEqual([
      [[-4000, 20], [300]],
      [[7], []],
    ]);
  });

  it('leaves out nominations, and follows a bidder into the next auction of a long run', () => {
    const times = sendTimesOf({
      acks: [ack('u1', 'a', 10, 'nomination'), ack('u1', 'a', 20), ack('u1', 'next', 90)],
      clientViews: [view('u1', 'a')],
    });
    expect(times).toEqual([[[20, 90]]]);
  });
});
