import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RUN_STEP_INCLUDE_FILE_SEARCH_CONTENT } from '../../src/api/schemas';
import { useRunStep } from '../../src/react/useRunStep';
import { useRunSteps } from '../../src/react/useRunSteps';
import { useSubmitToolOutputs } from '../../src/react/useSubmitToolOutputs';
import { backends, assistants, setup, sleep } from './harness';

/** Requests that read steps: the steps list, or on the Responses backend the chain's responses and their input items. */
const stepRequests = (h: Awaited<ReturnType<typeof setup>>, since = 0) =>
  h.emulator.requests
    .slice(since)
    .filter((r) => r.method === 'GET' && (h.backend === 'responses' ? /\/responses\//.test(r.path) : /\/steps(\/|$)/.test(r.path))).length;

describe.each(backends)('useRunSteps (%s)', (backend) => {
  it('stays live while the run works, then goes quiet once the run and its steps are final', async () => {
    const h = await setup({ backend });
    const threadId = await h.createThread();
    const run = await h.client.createRun(threadId, { assistant_id: assistants.function_call });
    const { result } = renderHook(
      () => ({ steps: useRunSteps(threadId, run.id, { order: 'asc' }), submit: useSubmitToolOutputs(threadId, run.id) }),
      { wrapper: h.wrapper },
    );
    await waitFor(() => expect(result.current.steps.isSuccess).toBe(true));
    expect(result.current.steps.steps).toEqual([]);

    act(() => h.clock.advance(3_000));
    // Assistants: one tool_calls step, in progress until the outputs come. Responses: one step per
    // function_call item of the completed response (two: the demo assistant asks in parallel).
    const calls = h.backend === 'responses' ? 2 : 1;
    await waitFor(() => expect(result.current.steps.steps[0]?.status).toBe(h.backend === 'responses' ? 'completed' : 'in_progress'));
    await waitFor(() => expect(result.current.submit.canSubmit).toBe(true));
    const outputs = result.current.submit.pendingToolCalls.map((call) => ({ tool_call_id: String(call.id), output: 'sunny' }));
    await act(() => result.current.submit.mutateAsync({ tool_outputs: outputs }));

    act(() => h.clock.advance(10_000));
    await waitFor(() => {
      expect(result.current.steps.steps.map((step) => [step.type, step.status])).toEqual([
        ...Array.from({ length: calls }, () => ['tool_calls', 'completed']),
        ['message_creation', 'completed'],
      ]);
    });
    await sleep(100); // the last fetch after the run ended
    const mark = h.mark();
    await sleep(200);
    expect(stepRequests(h, mark)).toBe(0);
    expect(h.runPolls(run.id, mark)).toBe(0);
  });
});

describe('useRunStep', () => {
  it('fetches one step, with file_search chunk content only when included', async () => {
    const h = await setup();
    const threadId = await h.createThread();
    const run = await h.client.createRun(threadId, { assistant_id: assistants.file_search });
    h.clock.advance(20_000);
    const page = await h.client.listRunSteps(threadId, run.id, { order: 'asc' });
    const step = page.data.find((s) => s.type === 'tool_calls')!;

    const { result } = renderHook(
      () => ({
        plain: useRunStep(threadId, run.id, step.id),
        withContent: useRunStep(threadId, run.id, step.id, { include: [RUN_STEP_INCLUDE_FILE_SEARCH_CONTENT] }),
      }),
      { wrapper: h.wrapper },
    );
    await waitFor(() => expect(result.current.withContent.data).toBeDefined());
    await waitFor(() => expect(result.current.plain.data).toBeDefined());
    const resultsOf = (data: unknown) =>
      (data as { step_details: { tool_calls: { file_search: { results: { content?: unknown[] }[] } }[] } }).step_details
        .tool_calls[0]!.file_search.results;
    expect(resultsOf(result.current.withContent.data)[0]?.content?.length).toBeGreaterThan(0);
    expect(resultsOf(result.current.plain.data)[0]?.content).toBeUndefined();
    expect(h.emulator.requests.some((r) => r.path.endsWith(step.id) && r.search.includes('include'))).toBe(true);
  });
});
