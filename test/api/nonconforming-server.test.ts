import OpenAI from 'openai';
import OpenAI6 from 'openai6';
import { describe, expect, it } from 'vitest';
import { createAssistantsRunsClient, RunsApiError, RunsSchemaError } from '../../src/core';
import { schemaExample } from './spec-examples';
import { sendJson, startScriptedServer, type Handler } from './scripted-server';

// Payloads no faithful backend sends, served over real HTTP by a scripted server.

const run = { ...(schemaExample('RunObject') as Record<string, unknown>), id: 'run_1', thread_id: 'thread_1' };
const step = { ...(schemaExample('RunStepObject') as Record<string, unknown>), run_id: 'run_1', thread_id: 'thread_1' };

const majors = [
  { name: 'openai 7', make: (baseURL: string) => new OpenAI({ apiKey: 'sk-test', baseURL, maxRetries: 0 }) },
  { name: 'openai 6', make: (baseURL: string) => new OpenAI6({ apiKey: 'sk-test', baseURL, maxRetries: 0 }) },
] as const;

async function rejection(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (reason: unknown) => reason,
  );
}

describe.each(majors)('a backend that breaks the schema ($name)', ({ make }) => {
  async function clientFor(routes: Record<string, Handler>) {
    const server = await startScriptedServer(routes);
    return { client: createAssistantsRunsClient(make(server.baseURL)), server };
  }

  it('a wrong-typed field on a run: RunsSchemaError naming operation, path and value', async () => {
    const { client } = await clientFor({ '/threads/thread_1/runs/run_1': sendJson({ ...run, status: 42 }) });
    const error = await rejection(client.getRun('thread_1', 'run_1'));
    expect(RunsSchemaError.is(error)).toBe(true);
    const schemaError = error as RunsSchemaError;
    expect(schemaError.operation).toBe('getRun');
    expect(schemaError.issues.map((issue) => issue.path)).toEqual([['status']]);
    expect(schemaError.message).toMatch(
      /^getRun: the response does not match the runs API schema\.\n {2}- status: .*; got 42$/,
    );
  });

  it('a wrong type deep in a list page names data[3].status', async () => {
    const data = [0, 1, 2, 3].map((i) => ({ ...run, id: `run_${i}`, status: i === 3 ? null : 'completed' }));
    const page = { object: 'list', data, first_id: 'run_0', last_id: 'run_3', has_more: false };
    const { client } = await clientFor({ '/threads/thread_1/runs': sendJson(page) });
    const error = (await rejection(client.listRuns('thread_1'))) as RunsSchemaError;
    expect(error).toBeInstanceOf(RunsSchemaError);
    expect(error.message).toContain('- data[3].status: ');
    expect(error.message).toContain('got null');
  });

  it('a body that is not JSON', async () => {
    const html: Handler = (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html>maintenance</html>');
    };
    const { client } = await clientFor({ '/threads/thread_1/runs/run_1/cancel': html });
    const error = (await rejection(client.cancelRun('thread_1', 'run_1'))) as RunsSchemaError;
    expect(error).toMatchObject({
      name: 'RunsSchemaError',
      operation: 'cancelRun',
      payload: '<html>maintenance</html>',
    });
    expect(error.message).toContain('(root): The body is not JSON; got "<html>maintenance</html>"');
  });

  it('an error page without a JSON body still maps to RunsApiError', async () => {
    const html: Handler = (_request, response) => {
      response.writeHead(502, { 'content-type': 'text/html', 'x-request-id': 'req_gateway' });
      response.end('<html>Bad gateway</html>');
    };
    const { client } = await clientFor({ '/threads/thread_1/runs/run_1': html });
    const error = await rejection(client.getRun('thread_1', 'run_1'));
    expect(RunsApiError.is(error)).toBe(true);
    expect(error).toMatchObject({ status: 502, requestId: 'req_gateway' });
  });

  it('what a newer server adds passes: extra fields, a new step type, an unknown-variant page', async () => {
    const page = {
      object: 'list',
      data: [{ ...step, id: 'step_2', type: 'reasoning', step_details: { type: 'reasoning' }, new_field: 1 }],
      first_id: 'step_2',
      last_id: 'step_2',
      has_more: false,
      next_cursor: 'abc',
    };
    const { client } = await clientFor({ '/threads/thread_1/runs/run_1/steps': sendJson(page) });
    const listed = await client.listRunSteps('thread_1', 'run_1');
    expect(listed.data[0]).toMatchObject({
      type: 'reasoning',
      new_field: 1,
      step_details: { type: 'unknown', original_type: 'reasoning' },
    });
    expect(listed['next_cursor']).toBe('abc');
  });

  it('getRun reads openai-poll-after-ms, and null when absent or not a number', async () => {
    const { client } = await clientFor({
      '/threads/thread_1/runs/run_hint': sendJson({ ...run, id: 'run_hint' }, 200, { 'openai-poll-after-ms': '250' }),
      '/threads/thread_1/runs/run_none': sendJson({ ...run, id: 'run_none' }),
      '/threads/thread_1/runs/run_junk': sendJson({ ...run, id: 'run_junk' }, 200, { 'openai-poll-after-ms': 'soon' }),
    });
    expect(await client.getRun('thread_1', 'run_hint')).toMatchObject({ run: { id: 'run_hint' }, pollAfterMs: 250 });
    expect((await client.getRun('thread_1', 'run_none')).pollAfterMs).toBeNull();
    expect((await client.getRun('thread_1', 'run_junk')).pollAfterMs).toBeNull();
  });

  it('aborting a request in flight rejects with an AbortError DOMException', async () => {
    let received!: () => void;
    const arrived = new Promise<void>((resolve) => (received = resolve));
    const { client } = await clientFor({ '/threads/thread_1/runs/run_1': () => received() }); // never answers
    const controller = new AbortController();
    const pending = rejection(client.getRun('thread_1', 'run_1', { signal: controller.signal }));
    await arrived;
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
  });

  it('an already aborted signal sends nothing', async () => {
    const { client, server } = await clientFor({ '/threads/thread_1/runs/run_1': sendJson(run) });
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(client.getRun('thread_1', 'run_1', { signal: controller.signal }));
    expect((error as DOMException).name).toBe('AbortError');
    expect(server.requests).toEqual([]);
  });
});
