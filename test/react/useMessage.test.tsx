import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RunsApiError } from '../../src/api/errors';
import { useMessage } from '../../src/react/useMessage';
import { backends, assistants, setup, sleep } from './harness';

/** Requests that read the message: the message itself, or on the Responses backend its run's responses and the conversation item. */
const messageGets = (h: Awaited<ReturnType<typeof setup>>, messageId: string, since = 0) =>
  h.emulator.requests
    .slice(since)
    .filter((r) => r.method === 'GET' && (h.backend === 'responses' ? /\/responses\/|\/items\//.test(r.path) : r.path.endsWith(`/messages/${messageId}`))).length;

describe.each(backends)('useMessage (%s)', (backend) => {
  it('follows the message a message_creation step is writing until it is completed, then goes quiet', async () => {
    const h = await setup({ backend });
    const threadId = await h.createThread();
    const run = await h.client.createRun(threadId, { assistant_id: assistants.slow });
    act(() => h.clock.advance(10_000)); // the slow scenario writes one message over 120 s
    const steps = await h.client.listRunSteps(threadId, run.id);
    const details = steps.data[0]?.step_details;
    if (details?.type !== 'message_creation') throw new Error(`expected a message_creation step, got ${details?.type}`);
    const messageId = details.message_creation.message_id;

    const { result } = renderHook(() => useMessage(threadId, messageId), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.data?.status).toBe('in_progress'));
    const textOf = () => JSON.stringify(result.current.data?.content ?? []);
    const early = textOf();

    act(() => h.clock.advance(200_000));
    await waitFor(() => expect(result.current.data?.status).toBe('completed'));
    expect(textOf().length).toBeGreaterThan(early.length);

    await sleep(100);
    const mark = h.mark();
    await sleep(200);
    expect(messageGets(h, messageId, mark)).toBe(0);
  });

  it('reports an unknown message as a RunsApiError 404 and does not poll it', async () => {
    const h = await setup({ backend });
    const threadId = await h.createThread();
    const { result } = renderHook(() => useMessage(threadId, 'msg_missing'), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(RunsApiError.is(result.current.error)).toBe(true);
    expect(result.current.error).toMatchObject({ status: 404 });
    const mark = h.mark();
    await sleep(150);
    expect(messageGets(h, 'msg_missing', mark)).toBe(0);
  });
});
