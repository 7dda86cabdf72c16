import { Component, type ErrorInfo, type ReactNode } from 'react';
import { reportRenderError } from '../observability/errorReporting';

interface Props {
  children: ReactNode;
  /** Changing this key clears the error (e.g. the route path). */
  resetKey?: string;
}

interface State {
  error: Error | null;
  resetKey: string | undefined;
}

function isChunkLoadError(error: Error): boolean {
  return /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message);
}

/** Catches render errors so one broken page never blanks the whole app. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Page crashed', error, info.componentStack);
    if (!isChunkLoadError(error)) reportRenderError(error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const chunk = isChunkLoadError(error);
    return (
      <section className="panel error-page" role="alert" data-testid="error-boundary">
        <h1>{chunk ? 'This page didn’t load' : 'Something went wrong'}</h1>
        <p>
          {chunk
            ? 'Your connection may have dropped, or the app was just updated. Reload to get the latest version.'
            : 'Sorry — this page hit a problem. Reloading usually fixes it; your bids and leagues are safe on the server.'}
        </p>
        <div className="actions">
          <button type="button" className="button primary" onClick={() => window.location.reload()}>
            Reload
          </button>
          <a className="button" href="/competitions">
            My competitions
          </a>
        </div>
      </section>
    );
  }
}
