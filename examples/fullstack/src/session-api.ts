// The demo server's own endpoints (not the proxy): sign in as a demo user, and list that user's
// threads. The session cookie is HttpOnly; the page never sees it, the browser sends it.

export interface DemoThread {
  id: string;
  title: string;
}

export interface Session {
  user: string;
  threads: DemoThread[];
}

export const demoUsers = ['alice', 'bob'] as const;

/** The signed-in user and their threads, or null when no one is signed in. */
export async function loadSession(): Promise<Session | null> {
  const response = await fetch('/api/threads');
  if (!response.ok) throw new Error(`GET /api/threads answered ${response.status}`);
  const session = (await response.json()) as { user: string | null; threads: DemoThread[] };
  return session.user === null ? null : { user: session.user, threads: session.threads };
}

export async function signIn(user: string): Promise<Session | null> {
  const response = await fetch('/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user }) });
  if (!response.ok) throw new Error(`Signing in as ${user} failed (${response.status})`);
  return loadSession();
}

export async function signOut(): Promise<null> {
  await fetch('/api/logout', { method: 'POST' });
  return null;
}
