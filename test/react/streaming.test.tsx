import { act, renderHook, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunStep } from '../../src/api/schemas';
import { RunsProvider } from '../../src/react/RunsProvider';
import { useCreateRun } from '../../src/react/useCreateRun';
import { useMessage } from '../../src/react/useMessage';
import { useRun } from '../../src/react/useRun';
import { useRunSteps } from '../../src/react/useRunSteps';
import { useRunStreamStatus } from '../../src/react/useRunStreamStatus';
import { useSubmitToolOutputs } from '../../src/react/useSubmitToolOutputs';
import { advanceUntil, settle, startStreamingBackend, tick } from '../support/streaming-backend';
import { assistants, backends, fastPolling, type BackendName } from './harness';

// The hooks over a streamed run, against the emulator's SSE over HTTP (manual clock).

const queryClients: QueryClient[] = [];
afterEach(() => queryClients.splice(0).forEach((queryClient) => queryClient.clear()));

async function setup(backend: BackendName) {
  const b = await startStreamingBackend(backend);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  queryClients.push(queryClient);
  const polling = fastPolling(b.clock);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <RunsProvider client={b.client} polling={polling}>
        {children}
      </RunsProvider>
    </QueryClientProvider>
  );
  const threadId = await b.createThread();
  return { b, queryClient, wrapper, threadId };
}


const messageIdOf = (steps: RunStep[]) =>
  steps.flatMap((step) => (step.step_details.type === 'message_creation' ? [step.step_details.message_creation.message_id] : [])).at(-1);

/** What a run view mounts: the run, its steps, the message the last message step writes, the stream state. */
function useRunView(threadId: string, runId: string | undefined) {
  const enabled = runId !== undefined;
  const run = useRun(threadId, runId ?? 'run_none', { enabled });
  const steps = useRunSteps(threadId, runId ?? 'run_none', { order: 'asc' }, { enabled });
  const messageId = messageIdOf(steps.steps);
  const message = useMessage(threadId, messageId ?? 'msg_none', { enabled: messageId !== undefined });
  const text = message.data?.content.map((part) => (part.type === 'text' ? part.text.value : '')).join('') ?? '';
  const stream = useRunStreamStatus(threadId, runId ?? 'run_none');
  return { run: run.data, steps: steps.steps, stepsLoaded: steps.isSuccess, message: message.data, text, stream };
}

describe.each(backends)('streamed runs in hooks (%s)', (backend) => {
  it('useCreateRun({ stream: true }): run, steps and message text update live, with no polling while the stream is healthy', async () => {
    const { b, wrapper, threadId } = await setup(backend);
    const texts: string[] = [];
    const { result } = renderHook(
      () => {
        const create = useCreateRun(threadId, { stream: true });
        const view = useRunView(threadId, create.data?.id);
        texts.push(view.text);
        return { create, view };
      },
      { wrapper },
    );
    const run = await act(() => result.current.create.mutateAsync({ assistant_id: assistants.message }));
    expect(run.status).toBe('queued');
    await waitFor(() => expect(result.current.view.stepsLoaded).toBe(true));
    expect(result.current.view.stream).toMatchObject({ status: 'open', isStreaming: true });
    await tick(20);
    const mark = b.emulator.requests.length;

    await act(() => advanceUntil(b.clock, () => result.current.view.stream.status === 'closed', 'the stream to close'));
    expect(result.current.view.run?.status).toBe('completed');
    expect(b.gets(threadId, mark)).toEqual([]);
    expect(new Set(texts.filter(Boolean)).size).toBeGreaterThan(3); // rendered as it grew
    const { message } = result.current.view;
    expect(message).toEqual(await b.client.getMessage(threadId, message!.id));
    expect(result.current.view.steps).toEqual((await b.client.listRunSteps(threadId, run.id, { order: 'asc' })).data);
  });

  it('useSubmitToolOutputs({ stream: true }) opens the next stream after requires_action', async () => {
    const { b, wrapper, threadId } = await setup(backend);
    const { result } = renderHook(
      () => {
        const create = useCreateRun(threadId, { stream: true });
        const runId = create.data?.id ?? 'run_none';
        return { create, view: useRunView(threadId, create.data?.id), submit: useSubmitToolOutputs(threadId, runId, { stream: true }) };
      },
      { wrapper },
    );
    const run = await act(() => result.current.create.mutateAsync({ assistant_id: assistants.function_call }));
    await act(() => advanceUntil(b.clock, () => result.current.submit.canSubmit, 'requires_action'));
    expect(result.current.view.stream.status).toBe('closed');

    const outputs = result.current.submit.pendingToolCalls.map((call) => ({ tool_call_id: String(call.id), output: 'sunny' }));
    await act(() => result.current.submit.mutateAsync({ tool_outputs: outputs }));
    await tick(20);
    const mark = b.emulator.requests.length;
    expect(result.current.view.stream.status).toBe('open');
    await act(() => advanceUntil(b.clock, () => result.current.view.run?.status === 'completed', 'completed'));
    expect(b.runGets(threadId, run.id, mark)).toBe(0);
    expect(result.current.view.text).toMatch(/sunny/);
  });

  it('unmounting the component that opened the stream aborts it: the emulator sees the client go away, the run polls again', async () => {
    const { b, wrapper, threadId } = await setup(backend);
    const starter = renderHook(() => useCreateRun(threadId, { stream: true }), { wrapper });
    const run = await act(() => starter.result.current.mutateAsync({ assistant_id: assistants.slow }));
    const viewer = renderHook(() => useRunView(threadId, run.id), { wrapper });
    await act(() => advanceUntil(b.clock, () => viewer.result.current.text.length > 0, 'text', 500));
    await settle(() => b.waitingStreams() === 1, 'the emulator to wait with the stream open');
    const mark = b.emulator.requests.length;

    starter.unmount();
    await settle(() => b.waitingStreams() === 0, 'the emulator to close the stream');
    await waitFor(() => expect(viewer.result.current.stream.status).toBe('aborted'));
    await waitFor(() => expect(b.runGets(threadId, run.id, mark)).toBeGreaterThan(1));
  });
});
