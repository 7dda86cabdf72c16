import { auctionsApi } from '../api/endpoints';
import { ErrorNotice } from '../components/Status';
import { formatDateTime } from '../lib/format';
import { useAsync } from '../lib/useAsync';
import { auditSentence, type NameOf } from './auditWords';

interface Props {
  auctionId: string;
  nameOf: NameOf;
  /** Changes whenever the room's state does (its seq): the trail is read again. */
  refreshKey: string;
}

/** Every control action of the auction, newest first, in sentences every member can read. */
export function AuditTrail({ auctionId, nameOf, refreshKey }: Props) {
  const audit = useAsync((signal) => auctionsApi.audit(auctionId, signal), [auctionId, refreshKey]);
  const items = audit.data?.items ?? [];
  return (
    <section className="panel audit-trail" aria-labelledby="audit-title" data-testid="audit-trail">
      <h2 id="audit-title">Commissioner actions</h2>
      {audit.status === 'error' && !audit.data && <ErrorNotice error={audit.error} onRetry={audit.reload} testId="audit-error" />}
      {audit.data && items.length === 0 && <p className="meta">None yet.</p>}
      {items.length > 0 && (
        <ol className="plain-list">
          {items.map((entry) => (
            <li key={entry.seq} data-testid="audit-entry" data-action={entry.action}>
              <span>{auditSentence(entry, nameOf)}</span> <span className="meta">{formatDateTime(entry.at)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
