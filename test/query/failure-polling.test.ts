import { environmentManager, InfiniteQueryObserver, QueryClient, QueryObserver } from '@tanstack/query-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAssistantsRunsClient } from '../../src/backends/assistants/client';
import { demoIds } from '../../src/emulator';
import { messageQueryOptions } from '../../src/query/options/message';
import { runStepsInfiniteQueryOptions } from '../../src/query/options/run-steps';
import { startTestBackend } from '../support/emulator';

// A failed read of a run's steps or of a message is tried again as a failed run poll is: after the
// longest interval (or the server's retry-after), a few times for a broken answer, never for a 4xx.
// On the Responses API these queries read the run's own response, so an outage hits them all.

beforeAll(() => environmentManager.setIsServer(() => false));
afterAll(() => environmentManager.setIsServer(() => typeof window === 'undefined'));

const unsubscribes: (() => void)[] = [];
afterEach(() => unsubscribes.splice(0).forEach((stop) => stop()));

async function setup() {
  const backend = await startTestBackend({ seed: true });
  const client = createAssistantsRunsClient(backend.openai);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const polling = { minIntervalMs: 10, hintFloorMs: 10, maxIntervalMs: 30, requiresActionIntervalMs: 30, now: () => backend.clock.now() };
  const gets = (suffix: string) => backend.emulator.requests.filter((r) => r.method === 'GET' && r.path.endsWith(suffix)).length;
  return { backend, client, queryClient, polling, gets };
}

describe('polling after a failed read', () => {
  it('a message whose first load met a 503 loads by itself once the server is back', async () => {
    const { backend, client, queryClient, polling, gets } = await setup();
    const threadId = demoIds.threads.statuses;
    const [step] = (await client.listRunSteps(threadId, demoIds.runs.completed)).data;
    const messageId = step!.step_details.type === 'message_creation' ? step!.step_details.message_creation.message_id : '';
    backend.emulator.faults.set({ rules: [{ kind: 'server-error', status: 503, route: 'GET /threads/*/messages/*' }] });
    const observer = new QueryObserver(queryClient, messageQueryOptions(client, threadId, messageId, { polling }));
    unsubscribes.push(observer.subscribe(() => {}));
    await vi.waitFor(() => expect(observer.getCurrentResult().status).toBe('error'));
    await vi.waitFor(() => expect(gets(`/messages/${messageId}`)).toBeGreaterThan(1)); // tried again, not left failed
    backend.emulator.faults.set(null);
    await vi.waitFor(() => expect(observer.getCurrentResult().data?.id).toBe(messageId));
  });

  it('a message that is not there (404) is not asked for again', async () => {
    const { client, queryClient, polling, gets } = await setup();
    const observer = new QueryObserver(queryClient, messageQueryOptions(client, demoIds.threads.statuses, 'msg_missing', { polling }));
    unsubscribes.push(observer.subscribe(() => {}));
    await vi.waitFor(() => expect(observer.getCurrentResult().error).toMatchObject({ status: 404 }));
    const asked = gets('/messages/msg_missing');
    await new Promise((resolve) => setTimeout(resolve, 100)); // ten of the longest intervals
    expect(gets('/messages/msg_missing')).toBe(asked);
  });

  it("a live run's steps wait out a 429's retry-after instead of polling at the run's pace", async () => {
    const { backend, client, queryClient, polling, gets } = await setup();
    const threadId = demoIds.threads.inProgress;
    const runId = demoIds.runs.inProgress;
    const observer = new InfiniteQueryObserver(queryClient, runStepsInfiniteQueryOptions(client, threadId, runId, {}, { polling }));
    unsubscribes.push(observer.subscribe(() => {}));
    await vi.waitFor(() => expect(observer.getCurrentResult().data?.pages[0]?.data.length).toBeGreaterThan(0));
    backend.emulator.faults.set({ rules: [{ kind: 'rate-limit', retryAfterMs: 400, route: 'GET /threads/*/runs/*/steps' }] });
    await vi.waitFor(() => expect(observer.getCurrentResult().error).toMatchObject({ status: 429 }));
    const asked = gets(`/runs/${runId}/steps`);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the run's pace would poll every 10–30 ms
    expect(gets(`/runs/${runId}/steps`)).toBeLessThanOrEqual(asked + 1);
    backend.emulator.faults.set(null);
    await vi.waitFor(() => expect(observer.getCurrentResult().error).toBeNull(), { timeout: 3_000 });
  });
});
