import { describe, expect, it } from 'vitest';
import { AuctionLanes, type LaneBid } from './auction-lanes.js';

/** A bid whose decision runs until the test finishes it, noting when it started; early when `beaten()` says so. */
function held(started: string[], name: string, amount: number, beaten: () => boolean = () => false) {
  let finish!: (value: string) => void;
  let fail!: (error: Error) => void;
  const done = new Promise<string>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const bid: LaneBid<string> = {
    amount,
    early: () => (beaten() ? Promise.resolve(`${name} refused early`) : null),
    decide: () => {
      started.push(name);
      return done;
    },
  };
  return { bid, finish: () => finish(name), fail: (error: Error) => fail(error) };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('AuctionLanes', () => {
  it('decides one bid of an auction at a time, and the highest waiting next (the earliest of equal ones)', async () => {
    const lanes = new AuctionLanes();
    const started: string[] = [];
    const first = held(started, 'first 5', 5);
    const low = held(started, 'low 6', 6);
    const high = held(started, 'high 9', 9);
    const alsoHigh = held(started, 'also high 9', 9);
    const answers = [first, low, high, alsoHigh].map(({ bid }) => lanes.run('a', bid));
    await settled();
    expect(started).toEqual(['first 5']);
    first.finish();
    await settled();
    expect(started).toEqual(['first 5', 'high 9']);
    high.finish();
    await settled();
    alsoHigh.finish();
    await settled();
    low.finish();
    expect(await Promise.all(answers)).toEqual(['first 5', 'low 6', 'high 9', 'also high 9']);
    expect(started).toEqual(['first 5', 'high 9', 'also high 9', 'low 6']);
  });

  it('answers a bid early without a place in the lane when it has its answer on arrival', async () => {
    const lanes = new AuctionLanes();
    const started: string[] = [];
    const first = held(started, 'first', 5);
    const beaten = held(started, 'beaten', 4, () => true);
    void lanes.run('a', first.bid);
    expect(await lanes.run('a', beaten.bid)).toBe('beaten refused early');
    expect(started).toEqual(['first']);
  });

  it('answers every waiting bid that a decision beat as soon as it is written, however many higher bids still wait', async () => {
    const lanes = new AuctionLanes();
    const started: string[] = [];
    let high = 0;
    const first = held(started, 'first 8', 8);
    const low = held(started, 'low 3', 3, () => high >= 3);
    const higher = held(started, 'higher 9', 9, () => high >= 9);
    const highest = held(started, 'highest 10', 10, () => high >= 10);
    void lanes.run('a', first.bid);
    const lowAnswer = lanes.run('a', low.bid);
    void lanes.run('a', higher.bid);
    void lanes.run('a', highest.bid);
    high = 8;
    first.finish();
    expect(await lowAnswer).toBe('low 3 refused early');
    expect(started).toEqual(['first 8', 'highest 10']);
  });

  it('answers the waiting bids a bid written elsewhere beat when told, while the decision in turn still runs', async () => {
    const lanes = new AuctionLanes();
    const started: string[] = [];
    let high = 0;
    const inTurn = held(started, 'in turn 8', 8);
    const low = held(started, 'low 9', 9, () => high >= 9);
    const high12 = held(started, 'high 12', 12, () => high >= 12);
    void lanes.run('a', inTurn.bid);
    const lowAnswer = lanes.run('a', low.bid);
    void lanes.run('a', high12.bid);
    high = 10;
    lanes.answerEarly('a');
    lanes.answerEarly('b');
    expect(await lowAnswer).toBe('low 9 refused early');
    inTurn.finish();
    await settled();
    expect(started).toEqual(['in turn 8', 'high 12']);
  });

  it('holds no other auction up', async () => {
    const lanes = new AuctionLanes();
    const started: string[] = [];
    void lanes.run('a', held(started, 'a', 5).bid);
    void lanes.run('b', held(started, 'b', 5).bid);
    await settled();
    expect(started).toEqual(['a', 'b']);
  });

  it('gives a failed decision its error and goes on with the next bid', async () => {
    const lanes = new AuctionLanes();
    const started: string[] = [];
    const failing = held(started, 'failing', 5);
    const next = held(started, 'next', 6);
    const failed = lanes.run('a', failing.bid);
    const answered = lanes.run('a', next.bid);
    failing.fail(new Error('database gone'));
    await expect(failed).rejects.toThrow('database gone');
    await settled();
    next.finish();
    expect(await answered).toBe('next');
  });

  it('answers a decision or an early answer that throws at once, and goes on with the next bid', async () => {
    const lanes = new AuctionLanes();
    const thrown = (message: string) => () => {
      throw new Error(message);
    };
    const failed = lanes.run('a', { amount: 5, early: () => null, decide: thrown('no such auction') });
    const failedEarly = lanes.run('a', { amount: 4, early: thrown('no view'), decide: async () => 'never' });
    const answered = lanes.run('a', { amount: 6, early: () => null, decide: async () => 'next' });
    await expect(failed).rejects.toThrow('no such auction');
    await expect(failedEarly).rejects.toThrow('no view');
    expect(await answered).toBe('next');
  });

  it('opens a fresh lane once the last bid of an auction is decided', async () => {
    const lanes = new AuctionLanes();
    expect(await lanes.run('a', { amount: 5, early: () => null, decide: async () => 'one' })).toBe('one');
    expect(await lanes.run('a', { amount: 5, early: () => null, decide: async () => 'two' })).toBe('two');
  });
});
