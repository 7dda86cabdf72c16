import { updateMeRequest } from '@auction/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { authApi } from '../api/endpoints';
import { describeError } from '../api/errors';
import { setUser } from '../api/session';
import { useSession } from '../api/useSession';

export default function ProfilePage() {
  const session = useSession();
  const [name, setName] = useState(session.user?.displayName ?? '');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    authApi.me().then(
      (user) => {
        if (!live) return;
        setUser(user);
        setName((current) => current || user.displayName);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = updateMeRequest.safeParse({ displayName: name });
    if (!parsed.success) {
      setMessage({ text: 'Use a name of 1 to 60 characters.', error: true });
      return;
    }
    setSaving(true);
    try {
      setUser(await authApi.updateMe(parsed.data.displayName));
      setMessage({ text: 'Saved — other managers now see this name.', error: false });
    } catch (e) {
      setMessage({ text: describeError(e), error: true });
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="panel narrow">
      <h1>Your profile</h1>
      {session.user && <p className="meta">Signed in as {session.user.email}</p>}
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="display-name">Name other managers see</label>
          <input
            id="display-name"
            value={name}
            maxLength={60}
            autoComplete="nickname"
            onChange={(e) => setName(e.target.value)}
            data-testid="display-name"
          />
        </div>
        <button type="submit" className="button primary" disabled={saving} data-testid="display-name-save">
          {saving ? 'Saving…' : 'Save'}
        </button>
        {message && (
          <p className={`notice ${message.error ? 'error' : 'success'}`} role={message.error ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
