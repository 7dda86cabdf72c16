/**
 * One person in an auction room, as the load harness plays them: a real Socket.IO client
 * through nginx that keeps its own view of the room from events (re-joining for a fresh
 * snapshot when it sees a gap in `seq`, as the web client does), reconnects by itself when its
 * replica dies, and answers every bid and nomination it sends with a definite outcome: one
 * whose acknowledgement is lost with a dying connection is sent again with the same `clientBidId`.
 */
import { randomUUID } from 'node:crypto';
import type { Agent } from 'node:http';
import { SEQ_GAP_GRACE_MS, type AcceptedBid, type AuctionSnapshot, type ErrorBody, type SocketNomination } from '@auction/contracts';
import { assetsPutUp } from './formats.js';
// Test support of the auction feature (moves to test/integration/auction/support/).
import { connectSocket, type ClientSocket } from '../test/integration/auction/support/sockets.js';
import type { LoadUser } from './population.js';

export type BidAnswer = { ok: true; bid: AcceptedBid } | { ok: false; error: ErrorBody };

/** One acknowledgement, as the run's log keeps it (times in ms since the run started). */
export interface AckRecord {
  /** A bid, or a nomination (which opens its lot with the nominator's bid). */
  kind: 'bid' | 'nomination';
  at: number;
  ms: number;
  auctionId: string;
  /** The bid's lot; null for a nomination that opened none. */
  lotId: string | null;
  bidderId: string;
  amount: number;
  clientBidId: string;
  /** How many times it was sent (more than 1 when a connection died under it). */
  tries: number;
  accepted: AcceptedBid | null;
  /** The refusal code, or `NO_ANSWER` when no try was answered. */
  code: string | null;
}

export interface ClosedLotView {
  status: 'sold' | 'unsold';
  winnerId: string | null;
  price: number | null;
  /** Every distinct seq this client heard the lot close at: more than one is a lot closed twice. */
  closeSeqs: Set<number>;
}

export interface RoomView {
  seq: number;
  status: AuctionSnapshot['status'] | null;
  lotId: string | null;
  /** The open lot's asset. */
  assetId: string | null;
  highBid: number | null;
  highBidderId: string | null;
  closed: Map<string, ClosedLotView>;
  /** Every asset put up so far (open or closed). */
  putUp: Set<string>;
  openingBid: number | null;
  /** `managers` mode: whose turn to nominate it is, and until when (null outside a turn). */
  nominatorId: string | null;
  turnEndsAt: string | null;
}

const SEQ_EVENTS = [
  'lot:opened',
  'bid:accepted',
  'lot:sold',
  'lot:unsold',
  'auction:paused',
  'auction:resumed',
  'auction:completed',
  'auction:live',
  'nomination:turn',
] as const;
const ACK_TIMEOUT_MS = 5000;
const MAX_TRIES = 6;
/** A bid still unanswered after this long is logged as NO_ANSWER. */
const GIVE_UP_MS = 30_000;

export interface ClientOptions {
  url: string;
  user: LoadUser;
  auctionId: string | null;
  localAddress: string;
  /** Opens the socket's TCP connection (the latency namespace's); this process's own when absent. */
  agent?: Agent | null;
  /** The run's clock (ms since it started). */
  now: () => number;
  /**
   * Hold events to the room's seq (default): a gap means a missed event, answered by a fresh
   * snapshot. Off for the baseline server, whose replicas count seq each on their own.
   */
  checkSeq?: boolean;
  /** Each `bid:accepted` heard: ms from the accepting transaction's serverTime to its arrival here. */
  onDelivery?: (ms: number) => void;
  /** This person's turn to nominate has started (from `nomination:turn` or a snapshot). */
  onTurn?: (client: LoadClient) => void;
}

function emptyView(): RoomView {
  return {
    seq: 0,
    status: null,
    lotId: null,
    assetId: null,
    highBid: null,
    highBidderId: null,
    closed: new Map(),
    putUp: new Set(),
    openingBid: null,
    nominatorId: null,
    turnEndsAt: null,
  };
}

type Answer = { ok: true; bid: AcceptedBid } | { ok: false; error: ErrorBody };

export class LoadClient {
  socket: ClientSocket | null = null;
  readonly view: RoomView = emptyView();
  /** ms from losing the connection to being back in the room, one entry per outage. */
  readonly outages: Array<{ at: number; ms: number }> = [];
  private closing = false;
  private reconnecting: Promise<void> | null = null;
  private joining: Promise<void> | null = null;
  /** Events ahead of the view's seq, waiting for the ones before them (see SEQ_GAP_GRACE_MS). */
  private readonly ahead = new Map<number, { event: (typeof SEQ_EVENTS)[number]; payload: any }>();
  private gapTimer: NodeJS.Timeout | null = null;

  constructor(readonly options: ClientOptions) {}

  get user(): LoadUser {
    return this.options.user;
  }

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  async connect(timeoutMs = 20_000): Promise<void> {
    const socket = await connectSocket(this.options.url, this.user.token, {
      localAddress: this.options.localAddress,
      agent: this.options.agent,
      timeoutMs,
    });
    this.attach(socket);
    if (this.options.auctionId) await this.join();
  }

  /** Leaves for another auction of the same people (the next one of the evening). */
  async moveTo(auctionId: string): Promise<void> {
    this.options.auctionId = auctionId;
    Object.assign(this.view, emptyView());
    this.ahead.clear();
    if (this.connected) await this.resync();
  }

  close(): void {
    this.closing = true;
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.socket?.close();
  }

  /** Sends a bid until one try is answered (same clientBidId every time); resolves with its log record. */
  bid(lotId: string, amount: number): Promise<AckRecord> {
    const payload = { auctionId: this.options.auctionId!, lotId, amount, clientBidId: randomUUID() };
    return this.untilAnswered('bid', payload, (socket) => socket.timeout(ACK_TIMEOUT_MS).emitWithAck('bid:place', payload));
  }

  /** Nominates on this person's turn (`managers` mode), retried as a bid is. */
  nominate(payload: SocketNomination): Promise<AckRecord> {
    return this.untilAnswered('nomination', { ...payload, lotId: null }, (socket) =>
      socket.timeout(ACK_TIMEOUT_MS).emitWithAck('lot:nominate', payload),
    );
  }

  private async untilAnswered(
    kind: AckRecord['kind'],
    sent: { auctionId: string; lotId: string | null; amount: number; clientBidId: string },
    send: (socket: ClientSocket) => Promise<Answer>,
  ): Promise<AckRecord> {
    const started = this.options.now();
    let tries = 0;
    const record = (answer: Answer | null): AckRecord => ({
      kind,
      at: started,
      ms: this.options.now() - started,
      auctionId: sent.auctionId,
      lotId: answer?.ok ? answer.bid.lotId : sent.lotId,
      bidderId: this.user.id,
      amount: sent.amount,
      clientBidId: sent.clientBidId,
      tries,
      accepted: answer?.ok ? answer.bid : null,
      code: answer === null ? 'NO_ANSWER' : answer.ok ? null : answer.error.code,
    });
    while (tries < MAX_TRIES && !this.closing && this.options.now() - started < GIVE_UP_MS) {
      await this.reconnecting;
      const socket = this.socket;
      if (!socket?.connected) {
        await this.backOnline();
        continue;
      }
      tries++;
      try {
        return record(await send(socket));
      } catch {
        // No answer in time (the connection died, or the replica is gone): ask again, same id.
      }
    }
    return record(null);
  }

  /** Fresh snapshot by re-joining the room (once at a time). */
  resync(): Promise<void> {
    this.joining ??= this.join()
      .catch(() => undefined)
      .finally(() => {
        this.joining = null;
      });
    return this.joining;
  }

  private async join(): Promise<void> {
    const answer = await this.socket!.timeout(ACK_TIMEOUT_MS).emitWithAck('auction:join', { auctionId: this.options.auctionId! });
    if (!answer.ok) throw new Error(`auction:join refused: ${answer.error.code}`);
    this.applySnapshot(answer.snapshot);
  }

  private attach(socket: ClientSocket): void {
    this.socket = socket;
    const mine = (payload: { auctionId: string }) => payload.auctionId === this.options.auctionId;
    for (const event of SEQ_EVENTS) {
      socket.on(event, ((payload: { auctionId: string; seq: number }) => {
        if (!mine(payload)) return;
        if (event === 'lot:sold' || event === 'lot:unsold') this.heardClose(payload as never, event === 'lot:sold' ? 'sold' : 'unsold');
        this.receive(event, payload);
      }) as never);
    }
    socket.on('auction:snapshot', (snapshot) => {
      if (snapshot.id === this.options.auctionId && snapshot.seq >= this.view.seq) this.applySnapshot(snapshot);
    });
    socket.on('disconnect', () => {
      if (!this.closing) void this.backOnline();
    });
  }

  /**
   * Applies an event in seq order. One ahead of the next expected seq waits, with any others,
   * for those before it (events from different replicas can arrive out of order); a hole still
   * there after SEQ_GAP_GRACE_MS means a missed event, answered by a fresh snapshot, as in the web client.
   */
  private receive(event: (typeof SEQ_EVENTS)[number], payload: { seq: number }): void {
    if (this.options.checkSeq === false) {
      this.view.seq = Math.max(this.view.seq, payload.seq);
      this.apply(event, payload);
      return;
    }
    if (payload.seq <= this.view.seq) return;
    this.ahead.set(payload.seq, { event, payload });
    this.applyInOrder();
  }

  /** Applies the waiting events that now follow on; arms the gap's grace timer while a hole remains. */
  private applyInOrder(): void {
    for (const seq of this.ahead.keys()) if (seq <= this.view.seq) this.ahead.delete(seq);
    for (let next = this.ahead.get(this.view.seq + 1); next; next = this.ahead.get(this.view.seq + 1)) {
      this.ahead.delete(this.view.seq + 1);
      this.view.seq++;
      this.apply(next.event, next.payload);
    }
    if (this.ahead.size === 0) {
      if (this.gapTimer) clearTimeout(this.gapTimer);
      this.gapTimer = null;
    } else {
      this.gapTimer ??= setTimeout(() => {
        this.gapTimer = null;
        if (this.ahead.size > 0) void this.resync();
      }, SEQ_GAP_GRACE_MS);
    }
  }

  private apply(event: (typeof SEQ_EVENTS)[number], payload: any): void {
    switch (event) {
      case 'lot:opened':
        this.followLot(payload.lot);
        this.view.nominatorId = null;
        this.view.turnEndsAt = null;
        break;
      case 'nomination:turn':
        this.view.lotId = null;
        this.view.nominatorId = payload.userId;
        this.view.turnEndsAt = payload.endsAt;
        if (payload.userId === this.user.id) this.options.onTurn?.(this);
        break;
      case 'bid:accepted':
        this.options.onDelivery?.(Date.now() - Date.parse(payload.serverTime));
        if (payload.lotId === this.view.lotId) {
          this.view.highBid = payload.amount;
          this.view.highBidderId = payload.bidderId;
        }
        break;
      case 'lot:sold':
      case 'lot:unsold':
        if (payload.lotId === this.view.lotId) this.view.lotId = null;
        break;
      case 'auction:completed':
        this.view.status = 'completed';
        this.view.lotId = null;
        break;
      case 'auction:paused':
        this.view.status = 'paused';
        break;
      case 'auction:resumed':
      case 'auction:live':
        this.view.status = 'live';
        break;
    }
  }

  private heardClose(
    payload: { lotId: string; seq: number; winnerId?: string | null; price?: number | null },
    status: 'sold' | 'unsold',
  ): void {
    const known = this.view.closed.get(payload.lotId);
    if (known) known.closeSeqs.add(payload.seq);
    else
      this.view.closed.set(payload.lotId, {
        status,
        winnerId: payload.winnerId ?? null,
        price: payload.price ?? null,
        closeSeqs: new Set([payload.seq]),
      });
  }

  private followLot(lot: AuctionSnapshot['currentLot']): void {
    this.view.lotId = lot?.id ?? null;
    this.view.assetId = lot?.asset.id ?? null;
    this.view.highBid = lot?.highBid ?? null;
    this.view.highBidderId = lot?.highBidderId ?? null;
    if (lot) this.view.putUp.add(lot.asset.id);
  }

  private applySnapshot(snapshot: AuctionSnapshot): void {
    this.view.seq = Math.max(this.view.seq, snapshot.seq);
    this.view.status = snapshot.status;
    this.followLot(snapshot.currentLot);
    for (const assetId of assetsPutUp(snapshot)) this.view.putUp.add(assetId);
    this.view.openingBid = snapshot.settings.openingBid;
    this.view.nominatorId = snapshot.nomination?.userId ?? null;
    this.view.turnEndsAt = snapshot.nomination?.endsAt ?? null;
    if (this.view.nominatorId === this.user.id) this.options.onTurn?.(this);
    for (const lot of snapshot.lots ?? []) {
      const known = this.view.closed.get(lot.lotId);
      if (known) known.closeSeqs.add(lot.seq);
      else this.view.closed.set(lot.lotId, { status: lot.status, winnerId: lot.winnerId, price: lot.price, closeSeqs: new Set([lot.seq]) });
    }
    this.applyInOrder();
  }

  /** Reconnects (through nginx, which sends it to a live replica) until back in the room. */
  private backOnline(): Promise<void> {
    this.reconnecting ??= (async () => {
      const lostAt = this.options.now();
      this.socket?.removeAllListeners();
      this.socket?.close();
      while (!this.closing) {
        try {
          await this.connect(5000);
          this.outages.push({ at: lostAt, ms: this.options.now() - lostAt });
          return;
        } catch {
          this.socket?.removeAllListeners();
          this.socket?.close();
          await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
        }
      }
    })().finally(() => {
      this.reconnecting = null;
    });
    return this.reconnecting;
  }
}
