import type { Invitation } from '@auction/contracts';
import { useCallback, useEffect, useState } from 'react';
import { leaguesApi } from '../../api/endpoints';
import { describeError } from '../../api/errors';
import { formatDateTime, plural } from '../../lib/format';

const STATUS_TEXT: Record<Invitation['status'], string> = {
  pending: 'Invited',
  joined: 'Joined',
  expired: 'Link expired',
};

export function InvitationsTable({
  items,
  onResend,
  sending,
}: {
  items: Invitation[];
  onResend?: (email: string) => void;
  sending: ReadonlySet<string>;
}) {
  return (
    <table className="table invitations" data-testid="invitations-list">
      <thead>
        <tr>
          <th scope="col">Email</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Action</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((invitation) => (
          <tr key={invitation.email} data-testid={`invitation-${invitation.email}`} data-status={invitation.status}>
            <td className="break">{invitation.email}</td>
            <td>
              <span className={`badge status-${invitation.status}`}>{STATUS_TEXT[invitation.status]}</span>
              <span className="meta block">
                {invitation.status === 'joined'
                  ? `invited ${formatDateTime(invitation.invitedAt)}`
                  : invitation.status === 'pending'
                    ? `link works until ${formatDateTime(invitation.expiresAt)}`
                    : `expired ${formatDateTime(invitation.expiresAt)}`}
              </span>
            </td>
            <td>
              {onResend && invitation.status !== 'joined' && (
                <button
                  type="button"
                  className="button small"
                  onClick={() => onResend(invitation.email)}
                  disabled={sending.has(invitation.email)}
                  aria-label={`Send the invitation to ${invitation.email} again`}
                >
                  {sending.has(invitation.email) ? 'Sending…' : 'Send again'}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The commissioner's view of mailed invitations: who joined, who has not yet, whose link ran out. */
export function InvitationsPanel({ leagueId, version, canResend }: { leagueId: string; version: number; canResend: boolean }) {
  const [items, setItems] = useState<Invitation[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState<ReadonlySet<string>>(new Set());

  const loadFirst = useCallback(async () => {
    try {
      const page = await leaguesApi.invitations(leagueId, null);
      setItems(page.items);
      setCursor(page.nextCursor);
      setError(null);
    } catch (e) {
      setError(describeError(e));
    }
  }, [leagueId]);

  useEffect(() => {
    void loadFirst();
  }, [loadFirst, version]);

  async function loadMore() {
    if (!cursor) return;
    try {
      const page = await leaguesApi.invitations(leagueId, cursor);
      setItems((current) => [...(current ?? []), ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(describeError(e));
    }
  }

  async function resend(email: string) {
    setSending((current) => new Set([...current, email]));
    try {
      const { items: renewed } = await leaguesApi.resendInvitations(leagueId, [email]);
      const byEmail = new Map(renewed.map((invitation) => [invitation.email, invitation]));
      setItems((current) => (current ?? []).map((invitation) => byEmail.get(invitation.email) ?? invitation));
      setError(null);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setSending((current) => new Set([...current].filter((sent) => sent !== email)));
    }
  }

  if (items === null && !error) return null;
  const counts = (items ?? []).reduce(
    (acc, invitation) => ({ ...acc, [invitation.status]: (acc[invitation.status] ?? 0) + 1 }),
    {} as Partial<Record<Invitation['status'], number>>,
  );
  return (
    <div className="panel" data-testid="invitations-panel">
      <h2>Invitations</h2>
      {items && items.length === 0 && <p className="meta">Nobody has been invited by email yet.</p>}
      {items && items.length > 0 && (
        <>
          <p className="meta" data-testid="invitations-summary">
            {plural(counts.joined ?? 0, 'joined', 'joined')} · {plural(counts.pending ?? 0, 'waiting', 'waiting')} ·{' '}
            {plural(counts.expired ?? 0, 'expired link', 'expired links')}
          </p>
          <InvitationsTable items={items} onResend={canResend ? resend : undefined} sending={sending} />
        </>
      )}
      {cursor && (
        <button type="button" className="button" onClick={loadMore}>
          Show more
        </button>
      )}
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
