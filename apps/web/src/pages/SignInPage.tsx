import { magicLinkRequest } from '@auction/contracts';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { authApi } from '../api/endpoints';
import { describeError } from '../api/errors';

export default function SignInPage() {
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [status, setStatus] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = magicLinkRequest.safeParse({ email });
    if (!parsed.success) {
      setError('Enter a full email address, like name@club.org.');
      return;
    }
    setError(null);
    setStatus('sending');
    try {
      await authApi.requestMagicLink(parsed.data.email);
      setEmail(parsed.data.email);
      setStatus('sent');
    } catch (e) {
      setError(describeError(e));
      setStatus('idle');
    }
  }

  if (status === 'sent') {
    return (
      <section className="panel narrow" data-testid="signin-sent" aria-live="polite">
        <h1>Check your inbox</h1>
        <p>
          We sent a sign-in link to <strong>{email}</strong>. Open it on this device within 15 minutes to sign in.
        </p>
        <p className="hint">No email? Check spam or promotions, or send another link.</p>
        <button type="button" className="button" onClick={() => setStatus('idle')} data-testid="signin-again">
          Send another link
        </button>
      </section>
    );
  }

  return (
    <section className="panel narrow">
      <h1>Sign in</h1>
      {params.get('expired') && (
        <p className="notice" role="status">
          Your session ended — sign in again to carry on.
        </p>
      )}
      <p>No password needed: we’ll email you a link that signs you in.</p>
      <form onSubmit={submit} noValidate data-testid="signin-form">
        <div className="field">
          <label htmlFor="signin-email">Email address</label>
          <input
            id="signin-email"
            type="email"
            inputMode="email"
            autoComplete="email"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'signin-error' : undefined}
            data-testid="signin-email"
          />
        </div>
        {error && (
          <p id="signin-error" className="notice error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button primary wide" disabled={status === 'sending'} data-testid="signin-submit">
          {status === 'sending' ? 'Sending…' : 'Email me a sign-in link'}
        </button>
      </form>
      <p className="hint">
        New here? <Link to="/help">How it works</Link>
      </p>
    </section>
  );
}
