import { MutationObserver, QueryClient } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import { RunsApiError } from '../../src/api/errors';
import { createAssistantsRunsClient } from '../../src/backends/assistants/client';
import type { Run } from '../../src/api/schemas';
import { demoIds } from '../../src/emulator';
import { ActiveRunError, toActiveRunError } from '../../src/query/errors';
import { runlensKeys } from '../../src/query/keys';
import { cancelRunMutationOptions } from '../../src/query/mutations/cancel-run';
import { createRunMutationOptions } from '../../src/query/mutations/create-run';
import { submitToolOutputsMutationOptions, toolOutputsRefusal } from '../../src/query/mutations/submit-tool-outputs';
import { runQueryOptions } from '../../src/query/options/run';
import { startTestBackend } from '../support/emulator';
import { makeRun, requiresActionRun } from './run-fixture';

async function setup() {
  const backend = await startTestBackend({ seed: true });
  const client = createAssistantsRunsClient(backend.openai);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const threadId = (await backend.openai.beta.threads.create({})).id;
  const posts = (suffix: string) => backend.emulator.requests.filter((r) => r.method === 'POST' && r.path.endsWith(suffix)).length;
  return { backend, client, queryClient, threadId, posts };
}

describe('toolOutputsRefusal', () => {
  const run = requiresActionRun(['call_a', 'call_b']);
  const out = (...ids: string[]) => ids.map((tool_call_id) => ({ tool_call_id, output: 'x' }));
  it('accepts exactly one output per pending call', () => {
    expect(toolOutputsRefusal(run, out('call_b', 'call_a'))).toBeNull();
  });
  it.each([
    [out('call_a'), 'tool_outputs_missing'],
    [out('call_a', 'call_b', 'call_c'), 'tool_outputs_unknown'],
    [out('call_a', 'call_b', 'call_a'), 'tool_outputs_repeated'],
  ])('refuses %j with %s', (outputs, code) => {
    expect(toolOutputsRefusal(run, outputs)?.code).toBe(code);
  });
  it('refuses once the run has moved on, or its calls were answered already', () => {
    expect(toolOutputsRefusal(makeRun({ status: 'queued' }), out('call_a'))?.code).toBe('run_not_awaiting_outputs');
    expect(toolOutputsRefusal(run, out('call_a', 'call_b'), new Set(['call_a', 'call_b']))?.code).toBe(
      'tool_outputs_already_submitted',
    );
  });
});

describe('mutation option factories', () => {
  it('let only one of two concurrent submits through, whoever starts them', async () => {
    const { backend, client, queryClient, threadId, posts } = await setup();
    const run = await client.createRun(threadId, { assistant_id: demoIds.assistants.function_call });
    backend.clock.advance(3_000);
    const waiting = await queryClient.fetchQuery(runQueryOptions(client, threadId, run.id));
    const tool_outputs = (waiting.required_action?.submit_tool_outputs.tool_calls ?? []).map((call) => ({
      tool_call_id: String(call.id),
      output: 'ok',
    }));
    const submit = () => new MutationObserver(queryClient, submitToolOutputsMutationOptions(client, threadId, run.id)).mutate({ tool_outputs });
    const results = await Promise.allSettled([submit(), submit()]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'tool_outputs_in_flight', status: null });
    expect(posts('/submit_tool_outputs')).toBe(1);
    // And after it went through: refused from the cache, nothing sent.
    await expect(submit()).rejects.toMatchObject({ code: 'run_not_awaiting_outputs' });
    expect(posts('/submit_tool_outputs')).toBe(1);
  });

  it('cancel: concurrent calls share one request; once cancelling, nothing is sent', async () => {
    const { client, queryClient, threadId, posts } = await setup();
    const run = await client.createRun(threadId, { assistant_id: demoIds.assistants.slow });
    await queryClient.fetchQuery(runQueryOptions(client, threadId, run.id));
    const cancel = () => new MutationObserver(queryClient, cancelRunMutationOptions(client, threadId, run.id)).mutate();
    const [a, b] = await Promise.all([cancel(), cancel()]);
    expect(a.status).toBe('cancelling');
    expect(b).toBe(a);
    expect((await cancel()).status).toBe('cancelling');
    expect(posts('/cancel')).toBe(1);
    expect(queryClient.getQueryData<Run>(runlensKeys.run(threadId, run.id))?.status).toBe('cancelling');
  });

  it('createRun: a thread with an active run gives ActiveRunError naming it', async () => {
    const { client, queryClient, threadId } = await setup();
    const blocking = await client.createRun(threadId, { assistant_id: demoIds.assistants.slow });
    const error = await new MutationObserver(queryClient, createRunMutationOptions(client, threadId))
      .mutate({ assistant_id: demoIds.assistants.message })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActiveRunError);
    expect(error).toBeInstanceOf(RunsApiError);
    expect(error).toMatchObject({ blockingRunId: blocking.id, status: 400, name: 'ActiveRunError' });
  });
});

describe('toActiveRunError', () => {
  const init = (detail: string, status = 400) =>
    new RunsApiError({ status, type: 'invalid_request_error', code: null, param: null, requestId: 'req_1', detail });
  it('reads the blocking run from the message, else from the cache', () => {
    expect(toActiveRunError(init('Thread thread_1 already has an active run run_9.'), 'thread_1')?.blockingRunId).toBe('run_9');
    expect(toActiveRunError(init('This thread has an active run.'), 'thread_1', 'run_cached')?.blockingRunId).toBe('run_cached');
    expect(toActiveRunError(init('Thread thread_1 already has an active run run_9.', 500), 'thread_1')).toBeUndefined();
    expect(toActiveRunError(init('Invalid assistant.'), 'thread_1', 'run_cached')).toBeUndefined();
  });
});
