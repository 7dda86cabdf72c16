import { describe, expect, it } from 'vitest';
import { AuctionLanes } from './auction-lanes.js';

/** A decision that runs until the test finishes it, noting when it started. */
function held(started: string[], name: string) {
  let finish!: (value: string) => void;
  let fail!: (error: Error) => void;
  const done = new Promise<string>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return {
    decide: () => {
      started.push(name);
      return done;
    },
    finish: () => finish(name),
    fail: (error: Error) => fail(error),
  };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('AuctionLanes', () => {
  it('decides one bid of an auction at a time, and the highest waiting next (the earliest of equal ones)', async () => {
    const lanes = new AuctionLanes();
    const started: string[] = [];
    const first = held(started, 'first 5');
    const low = held(started, 'low 6');
    const high = held(started, 'high 9');
    const alsoHigh = held(started, 'also high 9');
    const answers = [
      lanes.run('a', 5, first.decide),
      lanes.run('a', 6, low.decide),
      lanes.run('a', 9, high.decide),
      lanes.run('a', 9, alsoHigh.decide),
    ];
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

  it('holds no other auction up', async () => {
    const lanes = new AuctionLanes();
    const started: string[] = [];
    const inA = held(started, 'a');
    const inB = held(started, 'b');
    void lanes.run('a', 5, inA.decide);
    void lanes.run('b', 5, inB.decide);
    await settled();
    expect(started).toEqual(['a', 'b']);
  });

  it('lets the next bid go as soon as a decision leaves its turn, before that decision is answered', async () => {
    const lanes = new AuctionLanes();
    const started: string[] = [];
    const first = held(started, 'first');
    const refusal = held(started, 'refusal');
    const next = held(started, 'next');
    void lanes.run('a', 5, first.decide);
    const refused = lanes.run('a', 9, (leave) => {
      leave();
      return refusal.decide();
    });
    void lanes.run('a', 3, next.decide);
    first.finish();
    await settled();
    expect(started).toEqual(['first', 'refusal', 'next']);
    refusal.finish();
    expect(await refused).toBe('refusal');
  });

  it('gives a failed decision its error and goes on with the next bid', async () => {
    const lanes = new AuctionLanes();
    const started: string[] = [];
    const failing = held(started, 'failing');
    const next = held(started, 'next');
    const failed = lanes.run('a', 5, failing.decide);
    const answered = lanes.run('a', 6, next.decide);
    failing.fail(new Error('database gone'));
    await expect(failed).rejects.toThrow('database gone');
    await settled();
    next.finish();
    expect(await answered).toBe('next');
  });

  it('answers a decision that throws before it is under way, and goes on with the next bid', async () => {
    const lanes = new AuctionLanes();
    const failed = lanes.run('a', 5, () => {
      throw new Error('no such auction');
    });
    const answered = lanes.run('a', 6, async () => 'next');
    await expect(failed).rejects.toThrow('no such auction');
    expect(await answered).toBe('next');
  });

  it('opens a fresh lane once the last bid of an auction is decided', async () => {
    const lanes = new AuctionLanes();
    expect(await lanes.run('a', 5, async () => 'one')).toBe('one');
    expect(await lanes.run('a', 5, async () => 'two')).toBe('two');
  });
});
