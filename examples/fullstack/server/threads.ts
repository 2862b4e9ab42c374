import OpenAI from 'openai';
import { demoIds } from 'runlens/emulator';
import type { ProxyStore } from '../../../src/proxy/store/types.js';
import type { DemoUser } from './session.js';

// Each demo user's threads: one new thread the server creates with its own key, and one of the
// emulator's seeded ones. The server records each owner in the proxy's store, which is what lets
// that user (and only that user) through the proxy; this catalogue stands for the app's own
// database, which the page's thread picker reads through /api/threads.

export interface DemoThread {
  id: string;
  title: string;
}

const seeded: Record<DemoUser, DemoThread> = {
  alice: { id: demoIds.threads.statuses, title: 'One run in each status (seeded)' },
  bob: { id: demoIds.threads.history, title: '48 finished runs (seeded)' },
};

/** Creates each user's new thread upstream with the server's key and records every owner. */
export async function seedUserThreads(upstream: OpenAI, store: ProxyStore, users: readonly DemoUser[]): Promise<Map<DemoUser, DemoThread[]>> {
  const threads = new Map<DemoUser, DemoThread[]>();
  for (const user of users) {
    const created = await upstream.beta.threads.create({
      metadata: { owner: user },
      messages: [{ role: 'user', content: `Hi, I'm ${user}. What's the weather in Paris?` }],
    });
    const own = [{ id: created.id, title: `${user}'s thread` }, seeded[user]];
    for (const thread of own) await store.recordOwner('thread', thread.id, user);
    threads.set(user, own);
  }
  return threads;
}
