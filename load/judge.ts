/**
 * The verdict on a run: the database after it, the run's own log of every acknowledgement,
 * every proxy maximum set and every client's final view, held to SPEC §3 and §8.
 */
import { checkAuctionInvariants, checkFormatInvariants } from '@auction/auction-domain';
import type { AckRecord, ClosedLotView, RoomView } from './client.js';
import type { ProxyRecord } from './format-players.js';
import type { StoredAuction, StoredLot } from './stored.js';

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
  /** Every proxy maximum the run set (none outside proxy scenarios). */
  proxies?: ProxyRecord[];
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
      [...checkAuctionInvariants(auction.state), ...checkFormatInvariants(auction.state)].map((v) => ({
        rule: v.rule,
        message: `auction ${auction.id}: ${v.message}`,
      })),
    ),
    ...input.auctions.flatMap((auction) => checkLots(auction, input.endRequestedAt.get(auction.id) ?? Infinity)),
    ...checkAcknowledged(input.acks, byId),
    ...checkNominations(input.acks, byId),
    ...input.auctions.flatMap((auction) => checkProxies(auction, input.proxies ?? [])),
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

/** Every nomination acknowledged opened its lot, nominated by hand by that manager, with the acknowledged bid as the lot's first. */
function checkNominations(acks: AckRecord[], auctions: Map<string, StoredAuction>): Violation[] {
  return acks.flatMap((ack) => {
    const bid = ack.kind === 'nomination' ? ack.accepted : null;
    const auction = bid && auctions.get(ack.auctionId);
    const lot = auction?.lots.find((l) => l.id === bid!.lotId);
    if (!bid || !auction || !lot) return [];
    const first = auction.bids.find((b) => b.lotId === lot.id);
    if (lot.nominatedBy === ack.bidderId && !lot.autoNominated && first?.id === bid.id) return [];
    return [
      {
        rule: 'NOMINATION_NOT_AS_ACKNOWLEDGED',
        message: `lot ${lot.id} was acknowledged as nominated by ${ack.bidderId} with bid ${bid.id}; stored: nominated by ${lot.nominatedBy}${lot.autoNominated ? ' (auto)' : ''}, first bid ${first?.id ?? 'none'}`,
      },
    ];
  });
}

/**
 * The maxima the run set, held against the stored lots: no proxy bid above the maximum its
 * bidder set (counting maxima whose answer was lost, which may be in force), and no lot closed
 * below what a maximum set before its close could have paid: sold for less than that maximum
 * minus the increment to someone else, or unsold, while that bidder had room on their roster
 * and in their budget.
 */
function checkProxies(auction: StoredAuction, records: ProxyRecord[]): Violation[] {
  const mine = records.filter((r) => r.auctionId === auction.id && r.refusal === null);
  if (mine.length === 0) return [];
  const found: Violation[] = [];
  for (const lot of auction.lots.filter((l) => l.status === 'sold' || l.status === 'unsold')) {
    const maxima = mine.filter((r) => r.lotId === lot.id);
    const highest = (bidderId: string) => Math.max(...maxima.filter((r) => r.bidderId === bidderId).map((r) => r.maxAmount));
    for (const bid of auction.bids.filter((b) => b.lotId === lot.id && b.proxy)) {
      const maximum = highest(bid.bidderId);
      if (bid.amount > maximum)
        found.push({
          rule: 'PROXY_ABOVE_SET_MAXIMUM',
          message: `lot ${lot.id}: proxy bid seq ${bid.seq} of ${bid.amount} for ${bid.bidderId}, whose maximum was ${Number.isFinite(maximum) ? maximum : 'never set'}`,
        });
    }
    const needed = lot.status === 'sold' ? lot.price! + auction.minIncrement : auction.openingBid;
    const closedBy = Math.min(lot.closedAt ?? Infinity, lot.endsAt ?? Infinity);
    for (const record of maxima) {
      if (!record.answered || record.answeredAt >= closedBy || record.bidderId === lot.winnerId) continue;
      if (record.maxAmount >= needed && maxBidAtClose(auction, lot, record.bidderId) >= needed) {
        found.push({
          rule: 'PROXY_NOT_DEFENDED',
          message: `lot ${lot.id} went ${lot.status === 'sold' ? `to ${lot.winnerId} at ${lot.price}` : 'unsold'} though ${record.bidderId} had set a maximum of ${record.maxAmount} ${closedBy - record.answeredAt} ms before it closed`,
        });
      }
    }
  }
  return found;
}

/** A manager's max bid (SPEC §2) when `lot` closed, from the lots they had won before it; 0 with a full roster. */
function maxBidAtClose(auction: StoredAuction, lot: StoredLot, userId: string): number {
  const won = auction.lots.filter((l) => l.status === 'sold' && l.winnerId === userId && (l.closedSeq ?? 0) < (lot.closedSeq ?? 0));
  const openSlots = auction.state.rosterSize - won.length;
  if (openSlots <= 0) return 0;
  const spent = won.reduce((sum, l) => sum + (l.price ?? 0), 0);
  return auction.state.budget - spent - (openSlots - 1) * auction.openingBid;
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
