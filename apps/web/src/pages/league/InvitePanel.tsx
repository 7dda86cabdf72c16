import { useState } from 'react';
import { leaguesApi } from '../../api/endpoints';
import { describeError } from '../../api/errors';
import { CopyField } from '../../components/CopyField';

/** Phones share through the system sheet; elsewhere (or when it is refused) copying is the way. */
function ShareButton({ url, leagueName }: { url: string; leagueName: string }) {
  const [note, setNote] = useState('');
  if (typeof navigator.share !== 'function') return null;
  async function share() {
    try {
      await navigator.share({ title: leagueName, text: `Join ${leagueName}, our fantasy auction league`, url });
      setNote('');
    } catch (error) {
      // Closing the share sheet is not a failure; anything else falls back to copying.
      if ((error as Error).name !== 'AbortError') setNote('Sharing isn’t available here — copy the link instead.');
    }
  }
  return (
    <>
      <button type="button" className="button primary" onClick={share} data-testid="invite-link-share">
        Share invite link
      </button>
      {note && <p className="hint">{note}</p>}
    </>
  );
}

export function InvitePanel({
  leagueId,
  leagueName,
  inviteToken,
  onRotated,
}: {
  leagueId: string;
  leagueName: string;
  inviteToken: string;
  onRotated: (inviteToken: string) => void;
}) {
  const [rotating, setRotating] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const url = `${window.location.origin}/join/${inviteToken}`;

  async function rotate() {
    if (!window.confirm('Make a new invite link? The current link stops working at once; people already in stay in.')) return;
    setRotating(true);
    try {
      onRotated((await leaguesApi.rotateInviteToken(leagueId)).inviteToken);
      setMessage({ text: 'New link ready — the old one no longer works.', error: false });
    } catch (e) {
      setMessage({ text: describeError(e), error: true });
    } finally {
      setRotating(false);
    }
  }

  return (
    <div className="panel" data-testid="invite-panel">
      <h2>Invite members</h2>
      <CopyField label="Invite link" value={url} testId="invite-link" />
      <div className="actions">
        <ShareButton url={url} leagueName={leagueName} />
        <button type="button" className="button" onClick={rotate} disabled={rotating} data-testid="invite-link-rotate">
          {rotating ? 'Making a new link…' : 'Replace link'}
        </button>
      </div>
      {message && (
        <p className={`notice ${message.error ? 'error' : 'success'}`} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
