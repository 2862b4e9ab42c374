import type OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { runSchema } from '../../../src/api/schemas/index';
import { responseSchema, type ResponseObject } from '../../../src/api/schemas/responses/index';
import { chainUsage, runFromChain } from '../../../src/backends/responses/chain-run';
import { startResponsesEmulator } from './emulator';

// The chain → Run mapping, on responses the emulator really serves (through the official SDK over
// HTTP), each parsed by runlens's Response schema first, as the Responses client will.

const weather = { type: 'function', name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } }, strict: false } as const;

async function retrieve(openai: OpenAI, id: string): Promise<ResponseObject> {
  return responseSchema.parse(await openai.responses.retrieve(id));
}

describe('runFromChain', () => {
  it('a queued response is a queued run: not started, no usage, no deadline, a valid Run', async () => {
    const { openai, conversationId } = await startResponsesEmulator();
    const created = await openai.responses.create({ model: 'gpt-4o', input: 'hi', background: true, conversation: conversationId });
    const run = runFromChain(conversationId, [responseSchema.parse(created)]);
    expect(run).toMatchObject({ id: created.id, object: 'thread.run', thread_id: conversationId, status: 'queued', started_at: null, usage: null, expires_at: null, required_action: null });
    expect(runSchema.safeParse(run).success).toBe(true);
  });

  it('a completed response with function calls is requires_action, the calls keyed by call_id; answered, the chain completes with usage summed', async () => {
    const { openai, clock, conversationId } = await startResponsesEmulator();
    const first = await openai.responses.create({
      model: 'gpt-4o',
      input: 'Weather in Paris and Oslo?',
      background: true,
      conversation: conversationId,
      tools: [weather],
      metadata: { 'emulator.scenario': 'function_call', 'emulator.parallel': '2' },
    });
    clock.advance(10_000);
    const asked = await retrieve(openai, first.id);
    const waiting = runFromChain(conversationId, [asked]);
    const calls = asked.output.filter((item) => item.type === 'function_call');
    expect(calls).toHaveLength(2);
    expect(waiting.status).toBe('requires_action');
    expect(waiting.completed_at).toBeNull();
    expect(waiting.required_action?.submit_tool_outputs.tool_calls).toEqual(
      calls.map((call) => ({ id: call.call_id, type: 'function', function: { name: call.name, arguments: call.arguments } })),
    );
    expect(waiting.tools).toEqual([{ type: 'function', function: { name: 'get_weather', parameters: weather.parameters, strict: false } }]);
    expect(runSchema.safeParse(waiting).success).toBe(true);

    const second = await openai.responses.create({
      model: 'gpt-4o',
      background: true,
      previous_response_id: first.id,
      input: calls.map((call) => ({ type: 'function_call_output' as const, call_id: call.call_id, output: '{"temperature": 21}' })),
    });
    clock.advance(10_000);
    const answered = await retrieve(openai, second.id);
    const chain = [asked, answered];
    const done = runFromChain(conversationId, chain);
    expect(done).toMatchObject({ id: first.id, status: 'completed', required_action: null, completed_at: answered.completed_at });
    expect(done.usage).toEqual({
      prompt_tokens: asked.usage!.input_tokens + answered.usage!.input_tokens,
      completion_tokens: asked.usage!.output_tokens + answered.usage!.output_tokens,
      total_tokens: asked.usage!.total_tokens + answered.usage!.total_tokens,
    });
    expect(chainUsage(chain)).toEqual(done.usage);
    expect(runSchema.safeParse(done).success).toBe(true);
  });

  it('a failed response carries its error as last_error; an incomplete one its incomplete_details', async () => {
    const { openai, clock, conversationId } = await startResponsesEmulator();
    const failed = await openai.responses.create({ model: 'gpt-4o', input: 'x', background: true, conversation: conversationId, metadata: { 'emulator.scenario': 'fail' } });
    clock.advance(10_000);
    const failedRun = runFromChain(conversationId, [await retrieve(openai, failed.id)]);
    expect(failedRun.status).toBe('failed');
    expect(failedRun.last_error).toEqual({ code: expect.any(String), message: expect.any(String) });

    const cut = await openai.responses.create({ model: 'gpt-4o', input: 'x', background: true, conversation: conversationId, metadata: { 'emulator.scenario': 'incomplete' } });
    clock.advance(10_000);
    const cutRun = runFromChain(conversationId, [await retrieve(openai, cut.id)]);
    expect(cutRun.status).toBe('incomplete');
    expect(cutRun.incomplete_details).toMatchObject({ reason: 'max_output_tokens' });
  });

  it('a status runlens does not know fails loudly, naming it', async () => {
    const { openai, clock, conversationId } = await startResponsesEmulator();
    const created = await openai.responses.create({ model: 'gpt-4o', input: 'hi', background: true, conversation: conversationId });
    clock.advance(10_000);
    const future = { ...(await retrieve(openai, created.id)), status: 'paused' };
    expect(() => runFromChain(conversationId, [future])).toThrow(/Unknown response status "paused"/);
  });
});
