import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { startResponsesBackend } from './backend';
import { scenario } from './helpers';

type APIError = InstanceType<typeof OpenAI.APIError>;

/** The SDK error a request fails with, checked for the API's `{ error: { message, type, param, code } }`. */
async function failure(promise: Promise<unknown>, status: number): Promise<APIError> {
  const error = (await promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (e: unknown) => e,
  )) as APIError;
  expect(error).toBeInstanceOf(OpenAI.APIError);
  expect(error.status).toBe(status);
  expect(error.error).toEqual({ message: expect.any(String), type: 'invalid_request_error', param: error.param ?? null, code: error.code ?? null });
  return error;
}

/** The API's own message (the SDK's `message` prefixes the status). */
const apiMessage = (error: APIError): string => (error.error as { message: string }).message;

describe('responses: errors', () => {
  it('conversation together with previous_response_id → 400', async () => {
    const { openai } = await startResponsesBackend();
    const conversation = await openai.conversations.create();
    const first = await openai.responses.create({ model: 'gpt-4o', input: 'Hi' });
    const error = await failure(openai.responses.create({ model: 'gpt-4o', input: 'Hi', conversation: conversation.id, previous_response_id: first.id }), 400);
    expect(error.code).toBe('mutually_exclusive_parameters');
    expect(error.message).toContain("only providing one of: 'previous_response_id' or 'conversation'");
  });

  it('a function_call_output that matches no pending call → 400; a call left unanswered → 400', async () => {
    const { openai } = await startResponsesBackend();
    const first = await openai.responses.create({ model: 'gpt-4o', input: 'Weather?', metadata: scenario('function_call', { 'emulator.parallel': '2' }) });
    const [a, b] = first.output as OpenAI.Responses.ResponseFunctionToolCall[];
    const stranger = await failure(
      openai.responses.create({ model: 'gpt-4o', previous_response_id: first.id, input: [{ type: 'function_call_output', call_id: 'call_nope', output: 'x' }] }),
      400,
    );
    expect(stranger.message).toContain('No tool call found for function call output with call_id call_nope.');
    expect(stranger.param).toBe('input');
    const partial = await failure(
      openai.responses.create({ model: 'gpt-4o', previous_response_id: first.id, input: [{ type: 'function_call_output', call_id: a?.call_id ?? '', output: 'x' }] }),
      400,
    );
    expect(partial.message).toContain(`No tool output found for function call ${b?.call_id}.`);
    // An output for a call that was already answered is not pending either.
    const answered = await openai.responses.create({
      model: 'gpt-4o', previous_response_id: first.id,
      input: [a, b].map((call) => ({ type: 'function_call_output' as const, call_id: call?.call_id ?? '', output: 'ok' })),
    });
    const twice = await failure(
      openai.responses.create({ model: 'gpt-4o', previous_response_id: answered.id, input: [{ type: 'function_call_output', call_id: a?.call_id ?? '', output: 'again' }] }),
      400,
    );
    expect(twice.message).toContain(`No tool call found for function call output with call_id ${a?.call_id}.`);
    // Stateless: an output with no call in the resent turn.
    await failure(openai.responses.create({ model: 'gpt-4o', input: [{ type: 'function_call_output', call_id: a?.call_id ?? '', output: 'x' }] }), 400);
  });

  it('cancel and re-stream of a non-background response → 400', async () => {
    const { openai } = await startResponsesBackend();
    const response = await openai.responses.create({ model: 'gpt-4o', input: 'Hi' });
    expect(apiMessage(await failure(openai.responses.cancel(response.id), 400))).toBe('Cannot cancel a synchronous response.');
    const restream = await failure(openai.responses.retrieve(response.id, { stream: true }), 400);
    expect(apiMessage(restream)).toBe('This response cannot be streamed because it was not created with background=true.');
  });

  it('a re-stream with a bad starting_after → 400', async () => {
    const { openai } = await startResponsesBackend();
    const response = await openai.responses.create({ model: 'gpt-4o', input: 'Hi', background: true });
    const error = await failure(openai.responses.retrieve(response.id, { stream: true, starting_after: -1 }), 400);
    expect(error).toMatchObject({ param: 'starting_after', code: 'invalid_type' });
  });

  it('a turn on a previous response that is not done yet → 400', async () => {
    const { openai, clock } = await startResponsesBackend();
    const running = await openai.responses.create({ model: 'gpt-4o', input: 'Hi', background: true });
    const error = await failure(openai.responses.create({ model: 'gpt-4o', input: 'And?', previous_response_id: running.id }), 400);
    expect(error.param).toBe('previous_response_id');
    expect(apiMessage(error)).toBe(`Previous response with id '${running.id}' is still queued; wait until it is done.`);
    clock.advance(5_000);
    await expect(openai.responses.create({ model: 'gpt-4o', input: 'And?', previous_response_id: running.id })).resolves.toMatchObject({ status: 'completed' });
  });

  it('background without store → 400', async () => {
    const { openai } = await startResponsesBackend();
    const error = await failure(openai.responses.create({ model: 'gpt-4o', input: 'Hi', background: true, store: false }), 400);
    expect(error.param).toBe('background');
  });

  it('metadata over 16 keys, a key over 64 or a value over 512 characters → 400', async () => {
    const { openai } = await startResponsesBackend();
    const create = (metadata: Record<string, string>) => openai.responses.create({ model: 'gpt-4o', input: 'Hi', metadata });
    const keys = await failure(create(Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v']))), 400);
    expect(keys).toMatchObject({ param: 'metadata', code: 'object_above_max_properties' });
    const key = await failure(create({ ['k'.repeat(65)]: 'v' }), 400);
    expect(key).toMatchObject({ param: 'metadata', code: 'string_above_max_length' });
    const value = await failure(create({ note: 'v'.repeat(513) }), 400);
    expect(value).toMatchObject({ param: 'metadata', code: 'string_above_max_length' });
    await expect(create(Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`${'k'.repeat(62)}${i}`.slice(-64), 'v'.repeat(512)])))).resolves.toMatchObject({ status: 'completed' });
    const conversation = await failure(openai.conversations.create({ metadata: { note: 'v'.repeat(513) } }), 400);
    expect(conversation.param).toBe('metadata');
  });

  it('unknown ids → 404', async () => {
    const { openai } = await startResponsesBackend();
    expect(apiMessage(await failure(openai.responses.retrieve('resp_nope'), 404))).toBe("Response with id 'resp_nope' not found.");
    await failure(openai.responses.cancel('resp_nope'), 404);
    await failure(openai.responses.delete('resp_nope'), 404);
    const previous = await failure(openai.responses.create({ model: 'gpt-4o', input: 'Hi', previous_response_id: 'resp_nope' }), 404);
    expect(previous).toMatchObject({ param: 'previous_response_id', code: 'previous_response_not_found' });
    const conversation = await failure(openai.responses.create({ model: 'gpt-4o', input: 'Hi', conversation: 'conv_nope' }), 404);
    expect(conversation.param).toBe('conversation');
    await failure(openai.conversations.retrieve('conv_nope'), 404);
    await failure(openai.conversations.update('conv_nope', { metadata: {} }), 404);
    await failure(openai.conversations.delete('conv_nope'), 404);
    await failure(openai.conversations.items.list('conv_nope'), 404);
    const real = await openai.conversations.create();
    await failure(openai.conversations.items.retrieve('msg_nope', { conversation_id: real.id }), 404);
    await failure(openai.conversations.items.delete('msg_nope', { conversation_id: real.id }), 404);
  });

  it('bad input items → 400 naming the field', async () => {
    const { openai, baseURL } = await startResponsesBackend();
    const post = async (body: unknown) => {
      const response = await fetch(`${baseURL}/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as { error: { param: string | null; code: string | null } } };
    };
    expect(await post({ input: [{ type: 'computer_call_output' }] })).toMatchObject({ status: 400, body: { error: { param: 'input[0].type', code: 'invalid_value' } } });
    expect(await post({ input: [{ type: 'function_call_output', call_id: 'c' }] })).toMatchObject({ status: 400, body: { error: { param: 'input[0].output', code: 'missing_required_parameter' } } });
    expect(await post({ input: 42 })).toMatchObject({ status: 400, body: { error: { param: 'input', code: 'invalid_type' } } });
    expect(await openai.responses.create({ model: 'gpt-4o', input: 'still fine' })).toMatchObject({ status: 'completed' });
  });
});
