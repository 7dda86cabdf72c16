import type { AuctionSnapshot } from '@auction/contracts';
import { currentUserId } from '../api/session';
import { formatMoney } from '../lib/format';
import type { SeqEvent } from './reducer';

function nameOf(snapshot: AuctionSnapshot | null, userId: string | null | undefined): string {
  if (!userId) return 'Someone';
  const me = currentUserId();
  if (userId === me) return 'You';
  return snapshot?.managers.find((m) => m.userId === userId)?.displayName ?? 'A manager';
}

/** A sentence for screen readers (aria-live) about a live event. */
export function describeEvent(event: SeqEvent, snapshot: AuctionSnapshot | null): string {
  switch (event.type) {
    case 'lot:opened':
      return `Now bidding: ${event.payload.lot.asset.name}. Opening bid ${formatMoney(event.payload.lot.openingBid)}.`;
    case 'bid:accepted': {
      const previous = snapshot?.currentLot?.endsAt ? Date.parse(snapshot.currentLot.endsAt) : null;
      const extended = previous !== null && Date.parse(event.payload.endsAt) > previous + 500;
      return `${nameOf(snapshot, event.payload.bidderId)} bid ${formatMoney(event.payload.amount)}.${extended ? ' Time extended.' : ''}`;
    }
    case 'lot:sold':
      return `Sold! ${event.payload.asset.name} to ${nameOf(snapshot, event.payload.winnerId)} for ${formatMoney(event.payload.price)}.`;
    case 'lot:unsold':
      return `${event.payload.asset.name} went unsold.`;
    case 'auction:live':
      return 'The auction is live.';
    case 'auction:paused':
      return 'The auction is paused.';
    case 'auction:resumed':
      return 'The auction has resumed.';
    case 'auction:completed':
      return 'The auction is over.';
    case 'nomination:turn':
      return event.payload.userId === currentUserId()
        ? 'Your turn to nominate.'
        : `${nameOf(snapshot, event.payload.userId)} is nominating.`;
    case 'lot:undone':
      return `The commissioner undid the sale of ${event.payload.asset.name} to ${nameOf(snapshot, event.payload.previousWinnerId)} (${formatMoney(event.payload.refund)} refunded).`;
    case 'lot:reassigned':
      return `The commissioner moved ${event.payload.asset.name} from ${nameOf(snapshot, event.payload.fromUserId)} to ${nameOf(snapshot, event.payload.toUserId)} for ${formatMoney(event.payload.price)}.`;
  }
}
