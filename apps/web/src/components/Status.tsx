import { describeError, type MessageContext } from '../api/errors';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

interface ErrorNoticeProps {
  error: unknown;
  context?: MessageContext;
  onRetry?: () => void;
  testId?: string;
}

/** A friendly error sentence (never the raw technical message) with an optional retry. */
export function ErrorNotice({ error, context, onRetry, testId = 'error' }: ErrorNoticeProps) {
  return (
    <div className="notice error" role="alert" data-testid={testId}>
      <p>{describeError(error, context)}</p>
      {onRetry && (
        <button type="button" className="button small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** Text for screen readers only: polite announcements of live changes. */
export function LiveRegion({ text, id, testId }: { text: string; id?: number; testId?: string }) {
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid={testId}>
      <span key={id}>{text}</span>
    </div>
  );
}
