import { describe, expect, it } from 'vitest';
import type { BeatenAnswer, BeatenBid } from '../../data/bids.repository.js';
import { BeatenRefusals } from './beaten-refusals.js';

const beaten = (clientBidId: string): BeatenBid => ({
  auctionId: 'a',
  lotId: 'l',
  bidderId: 'b',
  clientBidId,
  code: 'BID_TOO_LOW',
  message: 'Your bid must be at least 7',
  at: new Date(0),
  beatenBy: 6,
});

/** A statement that stays in flight until the test answers it: each answers its bids with their clientBidIds. */
function statements() {
  const sent: Array<{ ids: string[]; answer: () => void; fail: (error: Error) => void }> = [];
  const write = (bids: readonly BeatenBid[]) =>
    new Promise<Array<BeatenAnswer | null>>((resolve, reject) => {
      const ids = bids.map((bid) => bid.clientBidId);
      sent.push({ ids, answer: () => resolve(ids.map((id) => ({ refusal: { code: 'BID_TOO_LOW', message: id } }))), fail: reject });
    });
  return { sent, write };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('BeatenRefusals', () => {
  it('sends the refusals asked for together in one statement, and those asked for while it runs in the next', async () => {
    const { sent, write } = statements();
    const refusals = new BeatenRefusals(write);
    const first = [refusals.refuse(beaten('1')), refusals.refuse(beaten('2'))];
    await settled();
    const second = [refusals.refuse(beaten('3')), refusals.refuse(beaten('4'))];
    await settled();
    expect(sent.map((statement) => statement.ids)).toEqual([['1', '2']]);
    const third = refusals.refuse(beaten('5'));
    sent[0]!.answer();
    expect(await Promise.all(first)).toEqual([
      { refusal: { code: 'BID_TOO_LOW', message: '1' } },
      { refusal: { code: 'BID_TOO_LOW', message: '2' } },
    ]);
    await settled();
    expect(sent.map((statement) => statement.ids)).toEqual([
      ['1', '2'],
      ['3', '4', '5'],
    ]);
    sent[1]!.answer();
    expect((await Promise.all([...second, third])).map((answer) => answer && 'refusal' in answer && answer.refusal.message)).toEqual([
      '3',
      '4',
      '5',
    ]);
  });

  it('gives every refusal of a failed statement its error, and sends the next ones again', async () => {
    const { sent, write } = statements();
    const refusals = new BeatenRefusals(write);
    const failed = [refusals.refuse(beaten('1')), refusals.refuse(beaten('2'))];
    await settled();
    sent[0]!.fail(new Error('database gone'));
    for (const refusal of failed) await expect(refusal).rejects.toThrow('database gone');
    const next = refusals.refuse(beaten('3'));
    await settled();
    sent[1]!.answer();
    expect(await next).toEqual({ refusal: { code: 'BID_TOO_LOW', message: '3' } });
  });
});
