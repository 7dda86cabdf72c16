/**
 * How the load run's people play the formats of SPEC §8: nominating on their turn (`managers`
 * mode) and keeping proxies (`proxyShare` of the bidders). Wired into run.ts.
 */
import type { Api } from '@auction/testing';
import type { AckRecord, LoadClient } from './client.js';
import { nomination, setProxy } from './formats.js';

/**
 * Each person nominates once per turn of their own, at once, while the bidding runs: the first
 * asset of the league's pool nobody has put up yet, at the opening bid. A turn they miss (their
 * connection down, or the run over) is nominated for them by the engine when its time runs out.
 */
export class Nominators {
  private readonly nominated = new WeakMap<LoadClient, string>();
  private readonly pending = new Set<Promise<void>>();
  private open = false;

  constructor(
    private readonly pools: ReadonlyMap<string, { assetIds: string[]; openingBid: number }>,
    private readonly record: (ack: AckRecord) => void,
    private readonly biddingEnds: () => boolean,
  ) {}

  /** A client's `onTurn`. */
  readonly onTurn = (client: LoadClient): void => {
    if (this.open) this.nominate(client);
  };

  /** The bidding starts: turns that began before it are nominated now. */
  start(clients: readonly LoadClient[]): void {
    this.open = true;
    for (const client of clients) if (client.view.nominatorId === client.user.id) this.nominate(client);
  }

  /** Waits for the nominations still in flight. */
  async settle(): Promise<void> {
    await Promise.all(this.pending);
  }

  private nominate(client: LoadClient): void {
    const turn = client.view.turnEndsAt;
    const pool = this.pools.get(client.options.auctionId!);
    if (!turn || !pool || this.biddingEnds() || this.nominated.get(client) === turn) return;
    this.nominated.set(client, turn);
    const payload = nomination(client.options.auctionId!, pool.assetIds, client.view.putUp, client.view.openingBid ?? pool.openingBid);
    if (!payload) return;
    const sent = client.nominate(payload).then(this.record);
    this.pending.add(sent);
    void sent.finally(() => this.pending.delete(sent));
  }
}

/** A maximum a proxy keeper set (or tried to), as the run's log keeps it. */
export interface ProxyRecord {
  auctionId: string;
  bidderId: string;
  lotId: string;
  assetId: string;
  maxAmount: number;
  /** Epoch ms when the answer came: the maximum was in force before then. */
  answeredAt: number;
  ms: number;
  /** False when no answer came (the maximum may or may not be in force). */
  answered: boolean;
  /** The refusal's code; null when set (or unanswered). */
  refusal: string | null;
}

/** The bidders on proxies: on each lot they see open, they set their maximum once, then leave it to the engine. */
export class ProxyKeepers {
  readonly records: ProxyRecord[] = [];
  private readonly done = new WeakMap<LoadClient, Set<string>>();

  constructor(
    private readonly api: Api,
    keepers: Iterable<LoadClient>,
  ) {
    for (const client of keepers) this.done.set(client, new Set());
  }

  keeps(client: LoadClient): boolean {
    return this.done.has(client);
  }

  /** Sets `maxAmount` on the client's open lot unless it already did. */
  async keep(client: LoadClient, maxAmount: number): Promise<void> {
    const { lotId, assetId } = client.view;
    const done = this.done.get(client)!;
    if (!lotId || !assetId || done.has(lotId)) return;
    done.add(lotId);
    const auctionId = client.options.auctionId!;
    const started = performance.now();
    const outcome = await setProxy(this.api, auctionId, assetId, maxAmount, client.user.token).then(
      (refusal) => ({ answered: true, refusal }),
      () => ({ answered: false, refusal: null }),
    );
    this.records.push({
      auctionId,
      bidderId: client.user.id,
      lotId,
      assetId,
      maxAmount,
      answeredAt: Date.now(),
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...outcome,
    });
  }
}
