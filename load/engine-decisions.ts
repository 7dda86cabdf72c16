/**
 * The engine's own time per bid: `bid_processing_seconds` of the auction-engine replicas (receipt
 * of a bid to its committed answer), read from each replica's /metrics before and after the
 * bidding. What an ack takes beyond it is transport (nginx, the sockets) and waiting for a core.
 */
import type { ClusterHandle } from '@auction/cluster';

/** Cumulative observation counts by bucket bound (`le`, in seconds, or `+Inf`), summed over the replicas. */
export type DecisionBuckets = ReadonlyMap<string, number>;

export async function readDecisionBuckets(cluster: ClusterHandle): Promise<DecisionBuckets> {
  const sums = new Map<string, number>();
  for (const replica of cluster.replicas.filter((r) => r.service === 'auction-engine' && r.running)) {
    const text = await fetch(`http://127.0.0.1:${replica.port}/metrics`).then((r) => r.text());
    for (const match of text.matchAll(/^bid_processing_seconds_bucket\{le="([^"]+)"\} (\d+)/gm)) {
      sums.set(match[1]!, (sums.get(match[1]!) ?? 0) + Number(match[2]));
    }
  }
  return sums;
}

/** The observations made between two readings of replicas that all lived through both. */
export function decisionsBetween(before: DecisionBuckets, after: DecisionBuckets): DecisionBuckets {
  return new Map([...after].map(([le, n]) => [le, n - (before.get(le) ?? 0)] as const));
}

/** The smallest bucket bound holding quantile q of the observations, in ms ("> N" past the last bound). */
export function bucketQuantile(buckets: DecisionBuckets, q: number): string {
  const total = buckets.get('+Inf') ?? 0;
  if (total === 0) return 'n/a';
  const bounded = [...buckets].filter(([le]) => le !== '+Inf').sort((a, b) => Number(a[0]) - Number(b[0]));
  const hit = bounded.find(([, n]) => n >= q * total);
  return hit ? `≤ ${Number(hit[0]) * 1000}` : `> ${Number(bounded.at(-1)![0]) * 1000}`;
}
