import { describe, expect, it } from 'vitest';
import { ANN, BOB, asset } from '../test/fixtures';
import { auditSentence } from './auditWords';

const names: Record<string, string> = { [ANN]: 'Alice', [BOB]: 'Bob' };
const nameOf = (userId: string | null) => (userId ? (names[userId] ?? 'a manager') : 'nobody');
const at = '2026-09-01T19:00:00.000Z';

describe('auditSentence', () => {
  it('says who undid which sale and what was refunded', () => {
    const entry = {
      seq: 9,
      at,
      actorId: ANN,
      action: 'undo' as const,
      details: { lotId: 'l1', asset: asset('Arsenal'), previousWinnerId: BOB, refund: 12 },
    };
    expect(auditSentence(entry, nameOf)).toBe('Alice undid the sale of Arsenal to Bob (£12m refunded).');
  });

  it('says who moved a sale from whom to whom and at what prices', () => {
    const details = { lotId: 'l1', asset: asset('Leeds United'), fromUserId: BOB, toUserId: ANN, previousPrice: 10, price: 7 };
    expect(auditSentence({ seq: 10, at, actorId: ANN, action: 'reassign', details }, nameOf)).toBe(
      'Alice moved Leeds United from Bob (£10m refunded) to Alice for £7m.',
    );
    expect(auditSentence({ seq: 11, at, actorId: ANN, action: 'reassign', details: { ...details, toUserId: BOB } }, nameOf)).toBe(
      'Alice corrected the price of Leeds United from £10m to £7m.',
    );
  });

  it('names the controls, with a capital for "you"', () => {
    expect(auditSentence({ seq: 3, at, actorId: ANN, action: 'pause', details: {} }, () => 'you')).toBe('You paused the auction.');
    expect(auditSentence({ seq: 1, at, actorId: ANN, action: 'start', details: {} }, nameOf)).toBe('Alice started the auction.');
  });
});
