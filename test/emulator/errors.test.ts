import type OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { startCheckedBackend } from './checked-backend';
import { expectApiError, setUpScenario } from './helpers';

const beta = { 'OpenAI-Beta': 'assistants=v2' };

async function messageRun(openai: OpenAI, scenario = 'message') {
  const { assistant, thread } = await setUpScenario(openai, scenario);
  const run = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
  return { assistant, thread, run };
}

describe('request-level errors', () => {
  it('requires the OpenAI-Beta: assistants=v2 header', async () => {
    const { openai } = await startCheckedBackend();
    await expectApiError(openai.beta.assistants.list({}, { headers: { 'OpenAI-Beta': null } }), {
      status: 400,
      message: "You must provide the 'OpenAI-Beta' header to access the Assistants API. Please try again by setting the header 'OpenAI-Beta: assistants=v2'.",
      param: null,
      code: 'invalid_beta',
    });
    await expectApiError(openai.beta.assistants.list({}, { headers: { 'OpenAI-Beta': 'assistants=v1' } }), {
      status: 400,
      message: /v1 Assistants API has been deprecated/,
      code: 'invalid_beta',
    });
  });

  it('answers unknown paths and methods with 404 Invalid URL', async () => {
    const { openai } = await startCheckedBackend();
    await expectApiError(openai.get('/nowhere', { headers: beta }), { status: 404, message: 'Invalid URL (GET /v1/nowhere)', param: null, code: null });
    await expectApiError(openai.delete('/threads/thread_x/runs/run_y', { headers: beta }), {
      status: 404,
      message: 'Invalid URL (DELETE /v1/threads/thread_x/runs/run_y)',
    });
  });

  it('rejects a body that is not JSON', async () => {
    const { openai } = await startCheckedBackend();
    await expectApiError(openai.post('/threads', { body: '{"metadata": ', headers: { ...beta, 'content-type': 'application/json' } }), {
      status: 400,
      message: /We could not parse the JSON body of your request/,
      param: null,
    });
  });

  it('rejects unknown and missing parameters, naming them', async () => {
    const { openai } = await startCheckedBackend();
    const thread = await openai.beta.threads.create();
    await expectApiError(openai.post(`/threads/${thread.id}/runs`, { body: {}, headers: beta }), {
      status: 400,
      message: "Missing required parameter: 'assistant_id'.",
      param: 'assistant_id',
      code: 'missing_required_parameter',
    });
    await expectApiError(openai.post(`/threads/${thread.id}/runs`, { body: { assistant_id: 'asst_x', colour: 'red' }, headers: beta }), {
      status: 400,
      message: "Unknown parameter: 'colour'.",
      param: 'colour',
      code: 'unknown_parameter',
    });
    await expectApiError(openai.beta.assistants.create({ model: 'gpt-4o', temperature: 'hot' as never }), {
      status: 400,
      message: "Invalid type for 'temperature': expected a number, but got a string instead.",
      param: 'temperature',
      code: 'invalid_type',
    });
  });
});

describe('unknown ids → 404', () => {
  it('names the kind of object and the id', async () => {
    const { openai } = await startCheckedBackend();
    const { thread, run } = await messageRun(openai);
    await expectApiError(openai.beta.threads.retrieve('thread_nope'), { status: 404, message: "No thread found with id 'thread_nope'.", param: null, code: null });
    await expectApiError(openai.beta.threads.runs.retrieve('run_nope', { thread_id: thread.id }), { status: 404, message: "No run found with id 'run_nope'." });
    await expectApiError(openai.beta.threads.runs.list('thread_nope'), { status: 404, message: "No thread found with id 'thread_nope'." });
    await expectApiError(openai.beta.threads.runs.steps.retrieve('step_nope', { thread_id: thread.id, run_id: run.id }), {
      status: 404,
      message: "No run step found with id 'step_nope'.",
    });
    await expectApiError(openai.beta.assistants.retrieve('asst_nope'), { status: 404, message: "No assistant found with id 'asst_nope'." });
    await expectApiError(openai.beta.threads.messages.retrieve('msg_nope', { thread_id: thread.id }), { status: 404, message: "No message found with id 'msg_nope'." });
    // An existing run looked up under another thread is not found either.
    const other = await openai.beta.threads.create();
    await expectApiError(openai.beta.threads.runs.retrieve(run.id, { thread_id: other.id }), { status: 404, message: `No run found with id '${run.id}'.` });
  });

  it('answers a run on an unknown assistant with 404, as the API did', async () => {
    const { openai } = await startCheckedBackend();
    const thread = await openai.beta.threads.create();
    await expectApiError(openai.beta.threads.runs.create(thread.id, { assistant_id: 'asst_missing' }), {
      status: 404,
      message: "No assistant found with id 'asst_missing'.",
    });
    await expectApiError(openai.beta.threads.createAndRun({ assistant_id: 'asst_missing' }), { status: 404, message: "No assistant found with id 'asst_missing'." });
    expect((await openai.beta.threads.runs.list(thread.id)).data).toEqual([]);
  });
});

describe('run lifecycle errors', () => {
  it('refuses to cancel a terminal run', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { thread, run } = await messageRun(openai);
    clock.advance(5_000);
    await expectApiError(openai.beta.threads.runs.cancel(run.id, { thread_id: thread.id }), {
      status: 400,
      message: "Cannot cancel run with status 'completed'.",
      param: null,
      code: null,
    });
  });

  it('refuses tool outputs unless the run requires action', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { thread, run } = await messageRun(openai);
    const submit = () => openai.beta.threads.runs.submitToolOutputs(run.id, { thread_id: thread.id, tool_outputs: [{ tool_call_id: 'call_x', output: 'x' }] });
    await expectApiError(submit(), { status: 400, message: 'Runs in status "queued" do not accept tool outputs.' });
    clock.advance(5_000);
    await expectApiError(submit(), { status: 400, message: 'Runs in status "completed" do not accept tool outputs.' });
  });

  it('wants an output for exactly the call ids asked for', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant, thread } = await setUpScenario(openai, 'function_call', { metadata: { 'emulator.parallel': '2' } });
    const run = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
    clock.advance(2_000);
    const waiting = await openai.beta.threads.runs.retrieve(run.id, { thread_id: thread.id });
    const [a, b] = (waiting.required_action?.submit_tool_outputs.tool_calls ?? []).map((c) => c.id);
    const submit = (ids: string[]) =>
      openai.beta.threads.runs.submitToolOutputs(run.id, { thread_id: thread.id, tool_outputs: ids.map((id) => ({ tool_call_id: id, output: 'ok' })) });
    await expectApiError(submit([a ?? '']), { status: 400, message: `Expected tool outputs for call_ids ['${a}', '${b}'], got ['${a}']`, param: 'tool_outputs' });
    await expectApiError(submit([a ?? '', 'call_unknown']), { status: 400, message: `Expected tool outputs for call_ids ['${a}', '${b}'], got ['${a}', 'call_unknown']` });
    await expectApiError(submit([a ?? '', a ?? '']), { status: 400, message: /^Expected tool outputs for call_ids/ });
    expect((await submit([b ?? '', a ?? ''])).status).toBe('queued');
  });

  it('allows one active run per thread (and no new messages while it runs)', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant, thread, run } = await messageRun(openai);
    await expectApiError(openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id }), {
      status: 400,
      message: `Thread ${thread.id} already has an active run ${run.id}.`,
    });
    await expectApiError(openai.beta.threads.messages.create(thread.id, { role: 'user', content: 'and another thing' }), {
      status: 400,
      message: `Can't add messages to ${thread.id} while a run ${run.id} is active.`,
    });
    clock.advance(5_000);
    expect((await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id })).status).toBe('queued');
  });

  it('rejects an unknown emulator.scenario', async () => {
    const { openai } = await startCheckedBackend();
    await expectApiError(openai.beta.assistants.create({ model: 'gpt-4o', metadata: { 'emulator.scenario': 'dance' } }), {
      status: 400,
      message: /unknown emulator\.scenario 'dance'/,
      param: 'metadata',
      code: 'invalid_value',
    });
  });
});

describe('list parameters', () => {
  it.each([
    [{ limit: 0 }, 'limit', "Invalid 'limit': integer below minimum value. Expected a value >= 1, but got 0 instead."],
    [{ limit: 101 }, 'limit', "Invalid 'limit': integer above maximum value. Expected a value <= 100, but got 101 instead."],
    [{ limit: 'lots' }, 'limit', "Invalid type for 'limit': expected an integer, but got a string instead."],
    [{ order: 'sideways' }, 'order', "Invalid value: 'sideways'. Supported values are: 'asc' and 'desc'."],
    [{ after: 'run_nope' }, 'after', "Invalid 'after': no object with id 'run_nope' in this list."],
    [{ before: 'run_nope' }, 'before', "Invalid 'before': no object with id 'run_nope' in this list."],
  ])('%j → 400 naming %s', async (query, param, message) => {
    const { openai } = await startCheckedBackend();
    const thread = await openai.beta.threads.create();
    await expectApiError(openai.beta.threads.runs.list(thread.id, query as never), { status: 400, param, message });
  });

  it('rejects an include[] value the spec does not know', async () => {
    const { openai } = await startCheckedBackend();
    const { thread, run } = await messageRun(openai);
    await expectApiError(openai.beta.threads.runs.steps.list(run.id, { thread_id: thread.id, include: ['step_details.everything' as never] }), {
      status: 400,
      param: 'include',
      message: "Invalid value: 'step_details.everything'. Supported values are: 'step_details.tool_calls[*].file_search.results[*].content'.",
    });
  });
});

describe('metadata limits', () => {
  const tooMany = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v']));
  it.each([
    [tooMany, /too many properties.*at most 16 properties, but got an object with 17/],
    [{ ['k'.repeat(65)]: 'v' }, /key '.*' is too long.*at most 64 characters, but got a key with 65/],
    [{ note: 'v'.repeat(513) }, /'metadata\.note': string too long.*maximum length 512, but got a string with length 513/],
    [{ count: 3 }, /Invalid type for 'metadata\.count': expected a string, but got an integer instead/],
  ])('%#: 400 with param metadata on create and modify', async (metadata, message) => {
    const { openai } = await startCheckedBackend();
    const { thread, run } = await messageRun(openai);
    await expectApiError(openai.beta.threads.runs.update(run.id, { thread_id: thread.id, metadata: metadata as never }), { status: 400, param: 'metadata', message });
    await expectApiError(openai.beta.threads.create({ metadata: metadata as never }), { status: 400, param: 'metadata', message });
  });

  it('accepts 16 keys of 64 characters with 512-character values', async () => {
    const { openai } = await startCheckedBackend();
    const { thread, run } = await messageRun(openai);
    const metadata = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`${i}`.padEnd(64, 'k'), 'v'.repeat(512)]));
    const updated = await openai.beta.threads.runs.update(run.id, { thread_id: thread.id, metadata });
    expect(updated.metadata).toEqual(metadata);
    expect((await openai.beta.threads.runs.retrieve(run.id, { thread_id: thread.id })).metadata).toEqual(metadata);
  });
});
