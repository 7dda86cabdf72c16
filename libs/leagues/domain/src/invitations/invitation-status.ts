import type { Invitation } from '@auction/contracts';

/** Joined once accepted; otherwise pending until its latest link expires, then expired (until sent again). */
export function invitationStatus(invitation: { acceptedAt: Date | null; expiresAt: Date }, now: Date): Invitation['status'] {
  if (invitation.acceptedAt) return 'joined';
  return invitation.expiresAt.getTime() > now.getTime() ? 'pending' : 'expired';
}
