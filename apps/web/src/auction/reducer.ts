import type {
  AuctionLive,
  AuctionSnapshot,
  ClosedLot,
  BidAccepted,
  LotAsset,
  LotOpened,
  LotReassigned,
  LotSold,
  LotUndone,
  LotUnsold,
  ServerToClientEvents,
  SnapshotManager,
  SnapshotSettings,
} from '@auction/contracts';
import { bidderMaxBid } from '@auction/auction-domain';

type PayloadOf<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

/** Every auction event that carries the per-auction `seq`. */
export type SeqEvent =
  | { type: 'lot:opened'; payload: LotOpened }
  | { type: 'bid:accepted'; payload: BidAccepted }
  | { type: 'lot:sold'; payload: LotSold }
  | { type: 'lot:unsold'; payload: LotUnsold }
  | { type: 'auction:live'; payload: AuctionLive }
  | { type: 'auction:paused'; payload: PayloadOf<'auction:paused'> }
  | { type: 'auction:resumed'; payload: PayloadOf<'auction:resumed'> }
  | { type: 'auction:completed'; payload: PayloadOf<'auction:completed'> }
  | { type: 'nomination:turn'; payload: PayloadOf<'nomination:turn'> }
  | { type: 'lot:undone'; payload: LotUndone }
  | { type: 'lot:reassigned'; payload: LotReassigned };

export type AuctionAction = SeqEvent | { type: 'snapshot'; snapshot: AuctionSnapshot };

/** The close of the latest lot, for the "Sold!" / "Unsold" moment. */
export interface LotMoment {
  kind: 'sold' | 'unsold';
  lotId: string;
  asset: LotAsset;
  winnerId: string | null;
  price: number | null;
  seq: number;
}

export interface AuctionState {
  snapshot: AuctionSnapshot | null;
  /** Events received ahead of the snapshot, waiting for the missing seqs or a fresh snapshot. */
  pending: SeqEvent[];
  /** A gap in `seq` was seen and a fresh snapshot is needed. */
  needsResync: boolean;
  /** Counts resync requests; the room re-joins whenever it changes. */
  resyncRequests: number;
  lastMoment: LotMoment | null;
  /** Accepted bids on the current lot seen live, newest first. */
  liveBids: BidAccepted[];
}

export const initialAuctionState: AuctionState = {
  snapshot: null,
  pending: [],
  needsResync: false,
  resyncRequests: 0,
  lastMoment: null,
  liveBids: [],
};

const MAX_PENDING = 500;

function insertPending(pending: SeqEvent[], event: SeqEvent): SeqEvent[] {
  if (pending.some((e) => e.payload.seq === event.payload.seq)) return pending;
  const next = [...pending, event].sort((a, b) => a.payload.seq - b.payload.seq);
  return next.length > MAX_PENDING ? next.slice(next.length - MAX_PENDING) : next;
}

function requestResync(state: AuctionState): AuctionState {
  return state.needsResync ? state : { ...state, needsResync: true, resyncRequests: state.resyncRequests + 1 };
}

/** The winner's budget, roster and max bid after a sale, by the auction's own rule for max bids. */
function afterPurchase(manager: SnapshotManager, sale: LotSold, settings: SnapshotSettings): SnapshotManager {
  if (manager.roster.some((entry) => entry.lotId === sale.lotId)) return manager;
  const roster = [...manager.roster, { asset: sale.asset, price: sale.price, lotId: sale.lotId }];
  const budgetRemaining = manager.budgetRemaining - sale.price;
  const maxBid = bidderMaxBid({ isManager: true, budgetRemaining, rosterCount: roster.length }, settings);
  return { ...manager, roster, budgetRemaining, maxBid };
}

function withClosedLot(lots: ClosedLot[], closed: ClosedLot): ClosedLot[] {
  return lots.some((lot) => lot.lotId === closed.lotId) ? lots : [...lots, closed];
}

/** Apply one event that is exactly `snapshot.seq + 1`. */
function applyEvent(state: AuctionState, event: SeqEvent): AuctionState {
  const snap = state.snapshot!;
  const seq = event.payload.seq;
  const lot = snap.currentLot;
  switch (event.type) {
    case 'lot:opened': {
      const { lot: opened, lotsRemaining } = event.payload;
      return {
        ...state,
        snapshot: { ...snap, seq, currentLot: opened, nextLotAt: null, nomination: null, lotsRemaining },
        liveBids: [],
      };
    }
    case 'bid:accepted': {
      const bid = event.payload;
      if (!lot || lot.id !== bid.lotId) return { ...state, snapshot: { ...snap, seq } };
      const remainingMs = Math.max(0, Date.parse(bid.endsAt) - Date.parse(bid.serverTime));
      return {
        ...state,
        snapshot: {
          ...snap,
          seq,
          currentLot: {
            ...lot,
            highBid: bid.amount,
            highBidderId: bid.bidderId,
            endsAt: bid.endsAt,
            remainingMs: Number.isFinite(remainingMs) ? remainingMs : lot.remainingMs,
          },
        },
        liveBids: [bid, ...state.liveBids.filter((b) => b.seq !== bid.seq)],
      };
    }
    case 'lot:sold': {
      const sale = event.payload;
      return {
        ...state,
        snapshot: {
          ...snap,
          seq,
          currentLot: lot && lot.id !== sale.lotId ? lot : null,
          nextLotAt: sale.nextLotAt,
          lots: withClosedLot(snap.lots, {
            lotId: sale.lotId,
            asset: sale.asset,
            status: 'sold',
            winnerId: sale.winnerId,
            price: sale.price,
            seq,
          }),
          managers: snap.managers.map((m) => (m.userId === sale.winnerId ? afterPurchase(m, sale, snap.settings) : m)),
        },
        lastMoment: { kind: 'sold', lotId: sale.lotId, asset: sale.asset, winnerId: sale.winnerId, price: sale.price, seq },
      };
    }
    case 'lot:unsold': {
      const { lotId, asset } = event.payload;
      return {
        ...state,
        snapshot: {
          ...snap,
          seq,
          currentLot: lot && lot.id !== lotId ? lot : null,
          nextLotAt: event.payload.nextLotAt,
          lots: withClosedLot(snap.lots, { lotId, asset, status: 'unsold', winnerId: null, price: null, seq }),
        },
        lastMoment: { kind: 'unsold', lotId, asset, winnerId: null, price: null, seq },
      };
    }
    case 'auction:live':
      return { ...state, snapshot: { ...snap, seq, status: 'live', nextLotAt: event.payload.nextLotAt } };
    case 'auction:paused':
      return {
        ...state,
        snapshot: {
          ...snap,
          seq,
          status: 'paused',
          nextLotAt: null,
          currentLot: lot ? { ...lot, remainingMs: event.payload.remainingMs } : null,
        },
      };
    case 'auction:resumed':
      return {
        ...state,
        snapshot: {
          ...snap,
          seq,
          status: 'live',
          nextLotAt: event.payload.nextLotAt,
          currentLot: lot ? { ...lot, endsAt: event.payload.endsAt } : null,
        },
      };
    case 'auction:completed':
      return { ...state, snapshot: { ...snap, seq, status: 'completed', currentLot: null, nextLotAt: null, nomination: null } };
    case 'nomination:turn': {
      const { userId, endsAt } = event.payload;
      return { ...state, snapshot: { ...snap, seq, nextLotAt: null, nomination: { userId, endsAt, remainingMs: 0 } } };
    }
    case 'lot:undone':
    case 'lot:reassigned':
      // The lot shows its correction at once; purses, rosters and what is still to come arrive with a fresh snapshot (`receive`).
      return { ...state, snapshot: { ...snap, seq, lots: snap.lots.map((closed) => corrected(closed, event)) } };
  }
}

function corrected(
  lot: ClosedLot,
  event: { type: 'lot:undone'; payload: LotUndone } | { type: 'lot:reassigned'; payload: LotReassigned },
): ClosedLot {
  if (lot.lotId !== event.payload.lotId) return lot;
  if (event.type === 'lot:undone') return { ...lot, status: 'unsold', winnerId: null, price: null };
  return { ...lot, winnerId: event.payload.toUserId, price: event.payload.price };
}

/** Apply the waiting events that now follow on; a remaining hole means a resync. */
function drain(state: AuctionState): AuctionState {
  let next = state;
  let pending = next.pending.filter((e) => e.payload.seq > next.snapshot!.seq);
  while (pending.length > 0 && pending[0]!.payload.seq === next.snapshot!.seq + 1) {
    next = applyEvent(next, pending[0]!);
    pending = pending.slice(1);
  }
  next = { ...next, pending };
  if (pending.length > 0) return requestResync(next);
  return next.needsResync ? { ...next, needsResync: false } : next;
}

function receive(state: AuctionState, event: SeqEvent): AuctionState {
  const snap = state.snapshot;
  // Before the first snapshot: hold events, the snapshot decides which still apply.
  if (!snap) return { ...state, pending: insertPending(state.pending, event) };
  if (event.payload.auctionId !== snap.id) return state;
  const seq = event.payload.seq;
  if (seq <= snap.seq) return state; // stale or duplicate
  if (seq === snap.seq + 1) {
    const next = drain(applyEvent(state, event));
    return event.type === 'lot:undone' || event.type === 'lot:reassigned' ? requestResync(next) : next;
  }
  // A gap: keep the event and ask for a fresh snapshot.
  return requestResync({ ...state, pending: insertPending(state.pending, event) });
}

function receiveSnapshot(state: AuctionState, snapshot: AuctionSnapshot): AuctionState {
  const current = state.snapshot;
  if (current && current.id === snapshot.id && snapshot.seq < current.seq) return state; // stale
  const sameLot = current?.currentLot?.id !== undefined && current.currentLot.id === snapshot.currentLot?.id;
  return drain({
    ...state,
    snapshot,
    needsResync: false,
    pending: state.pending.filter((e) => e.payload.auctionId === snapshot.id),
    liveBids: sameLot ? state.liveBids.filter((b) => b.seq <= snapshot.seq) : [],
  });
}

export function auctionReducer(state: AuctionState, action: AuctionAction): AuctionState {
  switch (action.type) {
    case 'snapshot':
      return receiveSnapshot(state, action.snapshot);
    default:
      return receive(state, action);
  }
}
