import { z } from 'zod';

/** `PUT /api/auctions/:id/proxies/:assetId`: the caller's private maximum for that asset. */
export const putProxyRequest = z.strictObject({ maxAmount: z.number().int().min(1).max(1_000_000) });
export type PutProxyRequest = z.infer<typeof putProxyRequest>;

/** The caller's own proxy. Only ever sent to its owner: never in snapshots, events, history or errors. */
export interface OwnProxy {
  assetId: string;
  maxAmount: number;
}

/** `GET /api/auctions/:id/proxies`: the caller's proxies only. */
export interface OwnProxies {
  items: OwnProxy[];
}

/** What `bid:accepted` and bid history carry beyond SPEC §5: whether the engine placed the bid for a proxy. */
export interface ProxyFlag {
  proxy: boolean;
}
