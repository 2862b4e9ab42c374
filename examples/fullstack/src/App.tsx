import { useEffect, useState } from 'react';
import { demoUsers, loadSession, signIn, signOut, type Session } from './session-api';
import { Workspace } from './Workspace';

/** Sign in as a demo user, then browse that user's threads. */
export function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    loadSession().then(setSession, (cause: Error) => setError(cause.message));
  }, []);
  const change = (next: Promise<Session | null>) => {
    setError(null);
    next.then(setSession, (cause: Error) => setError(cause.message));
  };

  return (
    <main className="demo">
      <header className="demo-header">
        <h1>runlens full-stack demo</h1>
        <p role="status">{session === undefined ? 'Loading…' : session ? `Signed in as ${session.user}` : 'Not signed in'}</p>
        <div className="demo-users">
          {demoUsers.map((user) => (
            <button key={user} type="button" disabled={session?.user === user} onClick={() => change(signIn(user))}>
              Sign in as {user}
            </button>
          ))}
          {session && (
            <button type="button" onClick={() => change(signOut())}>
              Sign out
            </button>
          )}
        </div>
        {error && <p role="alert">{error}</p>}
      </header>
      {session && <Workspace key={session.user} threads={session.threads} />}
    </main>
  );
}
