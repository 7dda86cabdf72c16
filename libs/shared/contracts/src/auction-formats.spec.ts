import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatSettingsFields, MAX_QUEUE_LENGTH, nominationRequest, putQueueRequest } from './auction-formats.js';
import { auditQuery, reassignSaleRequest } from './corrections.js';
import { putProxyRequest } from './proxies.js';

const assetId = '7a1c3b7e-3f5e-4e8a-9d2b-1c2d3e4f5a6b';

describe('format settings fields', () => {
  const settings = z.strictObject(formatSettingsFields);

  it('accepts the ranges of SPEC §8 and leaves omitted fields out', () => {
    expect(settings.parse({})).toEqual({});
    expect(settings.safeParse({ nominationMode: 'managers', nominationSeconds: 5, clockMode: 'reset', raiseSeconds: 120 }).success).toBe(
      true,
    );
  });

  it.each([{ nominationMode: 'auction' }, { nominationSeconds: 301 }, { clockMode: 'snipe' }, { raiseSeconds: 2 }, { raiseSeconds: 10.5 }])(
    'refuses %o',
    (body) => {
      expect(settings.safeParse(body).success).toBe(false);
    },
  );
});

describe('request bodies', () => {
  it('takes a nomination and refuses unknown fields or a broken client bid id', () => {
    expect(nominationRequest.safeParse({ assetId, amount: 5, clientBidId: 'n-1' }).success).toBe(true);
    expect(nominationRequest.safeParse({ assetId, amount: 5, clientBidId: 'n-1', proxy: true }).success).toBe(false);
    expect(nominationRequest.safeParse({ assetId, amount: 5, clientBidId: 'n\u0000' }).success).toBe(false);
  });

  it('bounds the queue', () => {
    expect(putQueueRequest.safeParse({ assetIds: Array(MAX_QUEUE_LENGTH).fill(assetId) }).success).toBe(true);
    expect(putQueueRequest.safeParse({ assetIds: Array(MAX_QUEUE_LENGTH + 1).fill(assetId) }).success).toBe(false);
  });

  it('takes whole positive money for proxies and reassignments', () => {
    expect(putProxyRequest.safeParse({ maxAmount: 40 }).success).toBe(true);
    expect(putProxyRequest.safeParse({ maxAmount: 0 }).success).toBe(false);
    expect(reassignSaleRequest.safeParse({ userId: assetId, price: 12 }).success).toBe(true);
    expect(reassignSaleRequest.safeParse({ userId: assetId, price: 1.5 }).success).toBe(false);
  });

  it('pages the audit by seq', () => {
    expect(auditQuery.parse({ cursor: '42' })).toEqual({ limit: 50, cursor: 42 });
    expect(auditQuery.safeParse({ cursor: 'abc' }).success).toBe(false);
  });
});
