/**
 * The verdict on a run: the database after it, the run's own log of every acknowledgement and
 * every client's final view, held to SPEC §3 (and §8 where it applies to these scenarios).
 */
import { checkAuctionInvariants } from '@auction/auction-domain';
import type { AckRecord, ClosedLotView, RoomView } from './client.js';
import type { StoredAuction } from './stored.js';

export interface Violation {
  rule: string;
  message: string;
}

export interface ClientVerdictInput {
  userId: string;
  auctionId: string;
  view: RoomView;
}

export interface JudgeInput {
  auctions: StoredAuction[];
  acks: AckRecord[];
  clients: ClientVerdictInput[];
  /** Epoch ms at which the run asked each auction to end (lots it closed then close before their deadline). */
  endRequestedAt: Map<string, number>;
}

/** A lot closes within this long after its deadline (SPEC §3.4). */
export const CLOSE_WITHIN_MS = 1000;
/** Clock slack between a replica's deadline check and the harness's end request. */
const END_SLACK_MS = 50;

export function judge(input: JudgeInput): Violation[] {
  const byId = new Map(input.auctions.map((a) => [a.id, a]));
  return [
    ...input.auctions.flatMap((auction) =>
      checkAuctionInvariants(auction.state).map((v) => ({ rule: v.rule, message: `auction ${auction.id}: ${v.message}` })),
    ),
    ...input.auctions.flatMap((auction) => checkLots(auction, input.endRequestedAt.get(auction.id) ?? Infinity)),
    ...checkAcknowledged(input.acks, byId),
    ...input.clients.flatMap((client) => checkConverged(client, byId.get(client.auctionId))),
  ];
}

/** Every bid on time, every lot closed once, on time, to its highest bid. */
function checkLots(auction: StoredAuction, endRequestedAt: number): Violation[] {
  const found: Violation[] = [];
  const bidsByLot = new Map<string, StoredAuction['bids']>();
  for (const bid of auction.bids) {
    const list = bidsByLot.get(bid.lotId);
    if (list) list.push(bid);
    else bidsByLot.set(bid.lotId, [bid]);
  }
  for (const lot of auction.lots) {
    const bids = bidsByLot.get(lot.id) ?? [];
    let deadline = (lot.openedAt ?? 0) + auction.bidTimerMs;
    for (const bid of bids) {
      if (bid.createdAt > deadline)
        found.push({
          rule: 'BID_AFTER_DEADLINE',
          message: `lot ${lot.id}: bid seq ${bid.seq} accepted ${bid.createdAt - deadline} ms after the deadline`,
        });
      if (lot.closedAt !== null && bid.createdAt > lot.closedAt)
        found.push({ rule: 'BID_AFTER_CLOSE', message: `lot ${lot.id}: bid seq ${bid.seq} accepted after the lot closed` });
      deadline = bid.endsAt;
    }
    if (lot.status === 'open') found.push({ rule: 'LOT_NEVER_CLOSED', message: `lot ${lot.id} is still open after the auction ended` });
    if (lot.closedAt === null || lot.endsAt === null) continue;
    const lateBy = lot.closedAt - lot.endsAt;
    if (lateBy > CLOSE_WITHIN_MS) found.push({ rule: 'LOT_CLOSED_LATE', message: `lot ${lot.id} closed ${lateBy} ms after its deadline` });
    if (lateBy < -END_SLACK_MS && lot.closedAt < endRequestedAt - END_SLACK_MS) {
      found.push({
        rule: 'LOT_CLOSED_EARLY',
        message: `lot ${lot.id} closed ${-lateBy} ms before its deadline without an end of the auction`,
      });
    }
  }
  return found;
}

/** Every bid acknowledged as accepted is stored as acknowledged, and sales follow the acknowledged bids. */
function checkAcknowledged(acks: AckRecord[], auctions: Map<string, StoredAuction>): Violation[] {
  const found: Violation[] = [];
  const stored = new Map([...auctions.values()].flatMap((a) => a.bids.map((b) => [b.id, b] as const)));
  const highestAcked = new Map<string, { amount: number; bidderId: string }>();
  for (const ack of acks) {
    const bid = ack.accepted;
    if (!bid) continue;
    const row = stored.get(bid.id);
    if (!row) {
      found.push({
        rule: 'ACKED_BID_MISSING',
        message: `bid ${bid.id} (seq ${bid.seq}, ${bid.amount} on lot ${bid.lotId}) was acknowledged but is not stored`,
      });
      continue;
    }
    if (row.amount !== bid.amount || row.seq !== bid.seq || row.lotId !== bid.lotId || row.bidderId !== bid.bidderId) {
      found.push({
        rule: 'ACKED_BID_CHANGED',
        message: `bid ${bid.id} is stored as seq ${row.seq} ${row.amount}, acknowledged as seq ${bid.seq} ${bid.amount}`,
      });
    }
    const best = highestAcked.get(bid.lotId);
    if (!best || bid.amount > best.amount) highestAcked.set(bid.lotId, { amount: bid.amount, bidderId: bid.bidderId });
  }
  for (const auction of auctions.values()) {
    for (const lot of auction.lots) {
      const best = highestAcked.get(lot.id);
      if (!best) continue;
      if (lot.status === 'unsold')
        found.push({
          rule: 'UNSOLD_DESPITE_ACKED_BID',
          message: `lot ${lot.id} went unsold though a bid of ${best.amount} was acknowledged`,
        });
      if (lot.status === 'sold' && lot.price !== null && lot.price < best.amount) {
        found.push({
          rule: 'WINNER_NOT_HIGHEST_ACKED',
          message: `lot ${lot.id} sold at ${lot.price}, below the acknowledged bid of ${best.amount} by ${best.bidderId}`,
        });
      }
    }
  }
  return found;
}

/** The client ends on the auction's final seq, knowing every closed lot exactly as stored, each closed once. */
function checkConverged(client: ClientVerdictInput, auction: StoredAuction | undefined): Violation[] {
  if (!auction) return [];
  const found: Violation[] = [];
  const who = `client ${client.userId} in auction ${auction.id}`;
  if (client.view.seq !== auction.seq)
    found.push({ rule: 'CLIENT_NOT_CONVERGED', message: `${who} ended at seq ${client.view.seq}, the auction at ${auction.seq}` });
  for (const lot of auction.lots.filter((l) => l.status === 'sold' || l.status === 'unsold')) {
    const seen: ClosedLotView | undefined = client.view.closed.get(lot.id);
    if (!seen) {
      found.push({ rule: 'CLIENT_MISSED_CLOSE', message: `${who} never learned that lot ${lot.id} closed` });
      continue;
    }
    if (seen.status !== lot.status || seen.winnerId !== lot.winnerId || seen.price !== lot.price) {
      found.push({
        rule: 'CLIENT_WRONG_RESULT',
        message: `${who} holds lot ${lot.id} as ${seen.status} ${seen.winnerId ?? ''} ${seen.price ?? ''}, stored ${lot.status} ${lot.winnerId ?? ''} ${lot.price ?? ''}`,
      });
    }
    if (seen.closeSeqs.size > 1)
      found.push({ rule: 'LOT_CLOSED_TWICE', message: `${who} heard lot ${lot.id} close at seqs ${[...seen.closeSeqs].join(', ')}` });
  }
  return found;
}
