import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// The demo's sign-in: a cookie holding the user's name and an HMAC of it under a secret that lives
// only in this process, so a browser can't forge "bob" by editing its cookie. A real app already
// has a session (its framework's, or a verified JWT); authorize() reads that instead.

export const demoUsers = ['alice', 'bob'] as const;
export type DemoUser = (typeof demoUsers)[number];

const cookieName = 'runlens_demo_session';
const isDemoUser = (name: string): name is DemoUser => (demoUsers as readonly string[]).includes(name);

export interface Sessions {
  /** The Set-Cookie header that signs `user` in. */
  signIn(user: DemoUser): string;
  /** The Set-Cookie header that signs out. */
  signOut(): string;
  /** The signed-in user of a request, or null (no cookie, or one this process did not sign). */
  userOf(cookieHeader: string | null | undefined): DemoUser | null;
}

export function createSessions(secret: Buffer = randomBytes(32)): Sessions {
  const sign = (user: string) => createHmac('sha256', secret).update(user).digest('base64url');
  // HttpOnly: page scripts can't read it; SameSite=Strict: other sites can't make the browser send it (no CSRF).
  const attributes = 'Path=/; HttpOnly; SameSite=Strict';
  return {
    signIn: (user) => `${cookieName}=${user}.${sign(user)}; ${attributes}`,
    signOut: () => `${cookieName}=; ${attributes}; Max-Age=0`,
    userOf(cookieHeader) {
      const value = (cookieHeader ?? '')
        .split(';')
        .map((part) => part.trim())
        .find((part) => part.startsWith(`${cookieName}=`))
        ?.slice(cookieName.length + 1);
      const [user = '', mac = ''] = (value ?? '').split('.');
      if (!isDemoUser(user)) return null;
      const expected = Buffer.from(sign(user));
      const given = Buffer.from(mac);
      return given.length === expected.length && timingSafeEqual(given, expected) ? user : null;
    },
  };
}
