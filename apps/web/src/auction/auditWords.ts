import type { AuditEntry } from '@auction/contracts';
import { formatDateTime, formatMoney } from '../lib/format';

/** Who a user id is, in words ("you", a display name, "a manager"). */
export type NameOf = (userId: string | null) => string;

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One audit entry as people say it: "Alice undid the sale of Arsenal to Bob (£12m refunded)". */
export function auditSentence(entry: AuditEntry, nameOf: NameOf): string {
  const actor = capitalised(nameOf(entry.actorId));
  switch (entry.action) {
    case 'start':
      return `${actor} started the auction.`;
    case 'pause':
      return `${actor} paused the auction.`;
    case 'resume':
      return `${actor} resumed the auction.`;
    case 'end':
      return `${actor} ended the auction.`;
    case 'reschedule':
      return `${actor} moved the start to ${formatDateTime(entry.details.to)}.`;
    case 'undo': {
      const { asset, previousWinnerId, refund } = entry.details;
      return `${actor} undid the sale of ${asset.name} to ${nameOf(previousWinnerId)} (${formatMoney(refund)} refunded).`;
    }
    case 'reassign': {
      const { asset, fromUserId, toUserId, previousPrice, price } = entry.details;
      if (fromUserId === toUserId)
        return `${actor} corrected the price of ${asset.name} from ${formatMoney(previousPrice)} to ${formatMoney(price)}.`;
      return `${actor} moved ${asset.name} from ${nameOf(fromUserId)} (${formatMoney(previousPrice)} refunded) to ${nameOf(toUserId)} for ${formatMoney(price)}.`;
    }
  }
}
