import { describe, expect, it } from 'vitest';
import { FALLBACK_WORDS } from '../lib/sports';
import { ANN, BOB, snapshot } from '../test/fixtures';
import { noLotTitle } from './LotCard';

const nameOf = (userId: string | null) => (userId === BOB ? 'Bob' : 'Ann');
const turnOf = (userId: string) => ({ userId, endsAt: '2026-01-01T12:00:30.000Z', remainingMs: 30_000 });

describe('noLotTitle', () => {
  it('names the manager to nominate, in the words of the sport', () => {
    const waiting = snapshot({ currentLot: null, nomination: turnOf(BOB) });
    expect(noLotTitle(waiting, FALLBACK_WORDS.football, nameOf, ANN)).toBe('Waiting for Bob to nominate the next club');
    expect(noLotTitle(waiting, FALLBACK_WORDS.cricket, nameOf, ANN)).toBe('Waiting for Bob to nominate the next player');
    expect(noLotTitle(waiting, FALLBACK_WORDS.cricket, nameOf, BOB)).toBe('Nothing on sale yet: you choose the next player');
  });

  it('says the next lot is coming when nobody is to nominate, and that bidding closed at the end', () => {
    expect(noLotTitle(snapshot({ currentLot: null }), FALLBACK_WORDS.cricket, nameOf, ANN)).toBe('Next player coming up…');
    expect(noLotTitle(snapshot({ currentLot: null, lotsRemaining: 0 }), FALLBACK_WORDS.football, nameOf, ANN)).toBe('No lot open');
    const ended = snapshot({ currentLot: null, status: 'completed', nomination: turnOf(BOB) });
    expect(noLotTitle(ended, FALLBACK_WORDS.football, nameOf, ANN)).toBe('Bidding has closed');
  });
});
