import { describe, expect, it } from 'vitest';
import { ANN, BOB, lot, snapshot } from '../test/fixtures';
import { proxyStanding } from './ProxyPanel';

const proxy = { assetId: 'asset-Arsenal', maxAmount: 20 };

describe('proxyStanding', () => {
  it('says whether my proxy leads, bids or is beaten on the open lot', () => {
    expect(proxyStanding(proxy, snapshot({ currentLot: lot({ highBid: 13, highBidderId: ANN }) }), ANN)).toBe('Leading at £13m');
    expect(proxyStanding(proxy, snapshot({ currentLot: lot({ highBid: 21, highBidderId: BOB }) }), ANN)).toBe(
      'Beaten: the high bid is £21m',
    );
    expect(proxyStanding(proxy, snapshot({ currentLot: lot({ highBid: 20, highBidderId: BOB }) }), ANN)).toBe(
      'Beaten: the high bid is £20m',
    );
    expect(proxyStanding(proxy, snapshot({ currentLot: lot({ highBid: null }) }), ANN)).toBe('Bidding for you');
  });

  it('says nothing for a proxy on a lot still to come', () => {
    expect(proxyStanding({ ...proxy, assetId: 'asset-Leeds' }, snapshot({ currentLot: lot() }), ANN)).toBeNull();
  });
});
