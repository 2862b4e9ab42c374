import { MutationObserver, QueryClient } from '@tanstack/query-core';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { RunsApiError } from '../../src/api/errors';
import { createAssistantsRunsClient } from '../../src/backends/assistants/client';
import type { Run, ToolOutput } from '../../src/api/schemas';
import { demoIds } from '../../src/emulator';
import { inFlightSize } from '../../src/query/in-flight';
import { submitToolOutputsMutationOptions } from '../../src/query/mutations/submit-tool-outputs';
import { runQueryOptions } from '../../src/query/options/run';
import { pendingToolCalls, toolCallId } from '../../src/query/run-state';
import { startTestBackend } from '../support/emulator';

// A submit that fails on the wire is reconciled with the server before it is called a failure:
// the faults come from the emulator over real HTTP, the SDK is the official one.

async function waitingRun(options: { sdkRetries?: number } = {}) {
  const backend = await startTestBackend({ seed: true });
  const openai = new OpenAI({ apiKey: 'sk-test', baseURL: backend.baseURL, maxRetries: options.sdkRetries ?? 0 });
  const client = createAssistantsRunsClient(openai);
  const threadId = (await openai.beta.threads.create({})).id;
  const created = await client.createRun(threadId, { assistant_id: demoIds.assistants.function_call });
  backend.clock.advance(3_000);
  const { run } = await client.getRun(threadId, created.id);
  expect(run.status).toBe('requires_action');
  const tabs = () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(runQueryOptions(client, threadId, run.id).queryKey, run);
    return queryClient;
  };
  const outputs = (text: string): ToolOutput[] => pendingToolCalls(run).map((call) => ({ tool_call_id: toolCallId(call), output: text }));
  const submit = (queryClient: QueryClient, sent: ToolOutput[]) =>
    new MutationObserver(queryClient, submitToolOutputsMutationOptions(client, threadId, run.id)).mutate({ tool_outputs: sent });
  const submitPosts = () => backend.emulator.requests.filter((r) => r.path.endsWith('/submit_tool_outputs')).length;
  const serverOutputs = async () => {
    const steps = await client.listRunSteps(threadId, run.id, { order: 'asc' });
    return steps.data.flatMap((step) =>
      step.step_details.type === 'tool_calls' ? step.step_details.tool_calls.flatMap((call) => (call.type === 'function' ? [call.function.output] : [])) : [],
    );
  };
  const cached = (queryClient: QueryClient) => queryClient.getQueryData<Run>(runQueryOptions(client, threadId, run.id).queryKey);
  return { backend, client, threadId, run, tabs, outputs, submit, submitPosts, serverOutputs, cached };
}

const lostAnswer = { rules: [{ kind: 'reset' as const, route: 'POST /threads/*/runs/*/submit_tool_outputs', at: 'headers' as const, when: 'after' as const }] };

describe('submitting tool outputs when the answer is lost', () => {
  it('reports success when the outputs landed and only the response was lost', async () => {
    const t = await waitingRun();
    t.backend.emulator.faults.set(lostAnswer);
    const tab = t.tabs();
    const answer = await t.submit(tab, t.outputs('{"temperature": 21}'));
    expect(answer.status).not.toBe('requires_action');
    expect(t.submitPosts()).toBe(1);
    expect(await t.serverOutputs()).toEqual(t.outputs('').map(() => '{"temperature": 21}'));
    expect(t.cached(tab)?.status).toBe(answer.status);
    expect(inFlightSize(tab).submits).toBe(0);
  });

  it('also when the SDK retried and was refused ("do not accept tool outputs"): sent once, reported once, as a success', async () => {
    const t = await waitingRun({ sdkRetries: 2 });
    t.backend.emulator.faults.set(lostAnswer);
    const answer = await t.submit(t.tabs(), t.outputs('sunny'));
    expect(answer.status).not.toBe('requires_action');
    // The first try landed; the SDK's retries were refused by the server (and lost too).
    expect(t.submitPosts()).toBeGreaterThan(1);
    expect(await t.serverOutputs()).toEqual(t.outputs('').map(() => 'sunny'));
  });

  it('says "Already answered" when another tab answered first, and refreshes the run', async () => {
    const t = await waitingRun();
    const [first, second] = [t.tabs(), t.tabs()];
    await t.submit(first, t.outputs('from tab 1'));
    const refused = await t.submit(second, t.outputs('from tab 2')).catch((error: unknown) => error);
    expect(RunsApiError.is(refused) && refused.code).toBe('tool_outputs_already_answered');
    expect((refused as Error).message).toMatch(/^Already answered/);
    expect(t.cached(second)?.status).not.toBe('requires_action');
    expect(await t.serverOutputs()).toEqual(t.outputs('').map(() => 'from tab 1'));
  });

  it('says the run moved on when it expired before the outputs arrived, and shows it expired', async () => {
    const t = await waitingRun();
    t.backend.clock.advance(601_000);
    const tab = t.tabs(); // still believes the run waits
    const refused = await t.submit(tab, t.outputs('late')).catch((error: unknown) => error);
    expect(RunsApiError.is(refused) && refused.code).toBe('run_not_awaiting_outputs');
    expect((refused as Error).message).toMatch(/expired now/);
    expect(t.cached(tab)?.status).toBe('expired');
  });

  it('keeps the real error when nothing landed (a 503 before the API), and the run still waits', async () => {
    const t = await waitingRun();
    t.backend.emulator.faults.set({ rules: [{ kind: 'server-error', route: 'POST /threads/*/runs/*/submit_tool_outputs' }] });
    const tab = t.tabs();
    const refused = await t.submit(tab, t.outputs('x')).catch((error: unknown) => error);
    expect(RunsApiError.is(refused) && refused.status).toBe(503);
    expect(t.cached(tab)?.status).toBe('requires_action');
    // Once the outage ends, the same answer goes through.
    t.backend.emulator.faults.set(null);
    expect((await t.submit(tab, t.outputs('x'))).status).not.toBe('requires_action');
  });
});
