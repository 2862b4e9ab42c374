import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RunsApiError } from '../../src/api/errors';
import type { Run } from '../../src/api/schemas';
import { runlensKeys } from '../../src/query/keys';
import { useRun } from '../../src/react/useRun';
import { useSubmitToolOutputs } from '../../src/react/useSubmitToolOutputs';
import { backends, assistants, holdCalls, setup, sleep } from './harness';

function outputsFor(calls: { id: unknown }[]) {
  return calls.map((call) => ({ tool_call_id: String(call.id), output: '{"celsius":21}' }));
}

/** Submissions that reached the server: submit_tool_outputs, or on the Responses backend each response after the first. */
const submits = (h: Awaited<ReturnType<typeof setup>>) =>
  h.backend === 'responses'
    ? h.emulator.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/responses')).length - 1
    : h.emulator.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/submit_tool_outputs')).length;

async function runAwaitingOutputs(h: Awaited<ReturnType<typeof setup>>) {
  const threadId = await h.createThread();
  const run = await h.client.createRun(threadId, { assistant_id: assistants.function_call });
  const hook = renderHook(
    () => ({ run: useRun(threadId, run.id), submit: useSubmitToolOutputs(threadId, run.id) }),
    { wrapper: h.wrapper },
  );
  act(() => h.clock.advance(3_000));
  await waitFor(() => expect(hook.result.current.submit.canSubmit).toBe(true));
  return { threadId, runId: run.id, ...hook };
}

describe.each(backends)('useSubmitToolOutputs (%s)', (backend) => {
  it('requires_action → outputs → completed, restarting polling with the returned run', async () => {
    const h = await setup({ backend });
    const { result, runId, threadId } = await runAwaitingOutputs(h);
    expect(result.current.submit.pendingToolCalls).toHaveLength(2);

    await act(() => result.current.submit.mutateAsync({ tool_outputs: outputsFor(result.current.submit.pendingToolCalls) }));
    // The answer (queued) is in the cache straight away, not after the next slow requires_action poll.
    expect(h.queryClient.getQueryData<Run>(runlensKeys.run(threadId, runId))?.status).toBe('queued');
    await waitFor(() => expect(result.current.run.data?.status).toBe('queued'));
    expect(result.current.submit.canSubmit).toBe(false);
    const mark = h.mark();
    act(() => h.clock.advance(10_000));
    await waitFor(() => expect(result.current.run.data?.status).toBe('completed'));
    expect(h.runPolls(runId, mark)).toBeGreaterThan(0);
  });

  it('refuses, before sending, outputs that leave a pending call unanswered', async () => {
    const h = await setup({ backend });
    const { result } = await runAwaitingOutputs(h);
    const [first] = outputsFor(result.current.submit.pendingToolCalls);
    await act(() => result.current.submit.mutateAsync({ tool_outputs: [first!] }).catch(() => undefined));
    await waitFor(() => expect(RunsApiError.is(result.current.submit.error)).toBe(true));
    expect(result.current.submit.error).toMatchObject({ status: null, code: 'tool_outputs_missing', param: 'tool_outputs' });
    expect(submits(h)).toBe(0);
    expect(result.current.run.data?.status).toBe('requires_action');
  });

  it('cannot submit twice: not while the first is in flight, not once the run has moved on', async () => {
    const held = holdCalls('submitToolOutputs');
    const h = await setup({ backend, wrapClient: held.wrap });
    const { result } = await runAwaitingOutputs(h);
    const variables = { tool_outputs: outputsFor(result.current.submit.pendingToolCalls) };

    let first!: Promise<unknown>;
    act(() => {
      first = result.current.submit.mutateAsync(variables);
    });
    await waitFor(() => expect(result.current.submit.isPending).toBe(true));
    expect(result.current.submit.canSubmit).toBe(false);
    act(() => result.current.submit.mutate(variables)); // double click: ignored, the first stays on screen
    await expect(result.current.submit.mutateAsync(variables)).rejects.toMatchObject({ code: 'tool_outputs_in_flight' });
    expect(result.current.submit.isPending).toBe(true);

    held.release();
    await act(() => first);
    expect(submits(h)).toBe(1);
    expect(held.calls()).toBe(1);

    await act(() => result.current.submit.mutateAsync(variables).catch(() => undefined));
    await waitFor(() => expect(result.current.submit.error).toMatchObject({ code: 'run_not_awaiting_outputs' }));
    await sleep(20);
    expect(submits(h)).toBe(1);
  });
});
