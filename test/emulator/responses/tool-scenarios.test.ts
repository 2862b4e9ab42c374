import type OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { startResponsesBackend } from './backend';
import { collect, driveClock, messageText, scenario } from './helpers';

const types = (response: OpenAI.Responses.Response): string[] => response.output.map((item) => item.type);

describe('responses: built-in tool scenarios', () => {
  it('code_interpreter: a code_interpreter_call with code and logs, then a message; its events in order', async () => {
    const { openai, clock } = await startResponsesBackend();
    const response = await openai.responses.create({ model: 'gpt-4o', input: 'Plot sin(x)', metadata: scenario('code_interpreter', { 'emulator.text': '<x>' }) });
    expect(types(response)).toEqual(['code_interpreter_call', 'message']);
    const call = response.output[0] as OpenAI.Responses.ResponseCodeInterpreterToolCall;
    expect(call).toMatchObject({ status: 'completed', container_id: expect.stringMatching(/^cntr_/), outputs: [{ type: 'logs', logs: 'max 1.00 at x = 1.56 <x>' }] });
    expect(call.code).toContain('# <x>');

    const events = await driveClock(clock, collect(await openai.responses.create({ model: 'gpt-4o', input: 'Plot', stream: true, metadata: scenario('code_interpreter') })));
    const toolEvents = events.map((e) => e.type).filter((type) => type.includes('code_interpreter'));
    expect(toolEvents[0]).toBe('response.code_interpreter_call.in_progress');
    expect(toolEvents.slice(-3)).toEqual([
      'response.code_interpreter_call_code.done', 'response.code_interpreter_call.interpreting', 'response.code_interpreter_call.completed',
    ]);
    const code = events.filter((e): e is OpenAI.Responses.ResponseCodeInterpreterCallCodeDeltaEvent => e.type === 'response.code_interpreter_call_code.delta').map((e) => e.delta).join('');
    expect(events.find((e) => e.type === 'response.code_interpreter_call_code.done')).toMatchObject({ code });
  });

  it('file_search: a file_search_call with results, then a message citing the file', async () => {
    const { openai, clock } = await startResponsesBackend();
    const response = await openai.responses.create({ model: 'gpt-4o', input: 'How does a response move?', metadata: scenario('file_search') });
    expect(types(response)).toEqual(['file_search_call', 'message']);
    const call = response.output[0] as OpenAI.Responses.ResponseFileSearchToolCall;
    expect(call).toMatchObject({ status: 'completed', queries: ['How does a response move?'] });
    const result = call.results?.[0];
    expect(result).toMatchObject({ file_id: expect.stringMatching(/^file-/), filename: 'run-lifecycle.md' });
    const message = response.output[1] as OpenAI.Responses.ResponseOutputMessage;
    const part = message.content[0] as OpenAI.Responses.ResponseOutputText;
    expect(part.annotations).toEqual([{ type: 'file_citation', file_id: result?.file_id, filename: 'run-lifecycle.md', index: part.text.indexOf('run-lifecycle.md') }]);

    const events = await driveClock(clock, collect(await openai.responses.create({ model: 'gpt-4o', input: 'Search', stream: true, metadata: scenario('file_search') })));
    expect(events.map((e) => e.type).filter((type) => type.includes('file_search') || type.includes('annotation'))).toEqual([
      'response.file_search_call.in_progress', 'response.file_search_call.searching', 'response.file_search_call.completed', 'response.output_text.annotation.added',
    ]);
  });

  it('bulk: emulator.steps items 10 ms apart, cycling code_interpreter_call / file_search_call / reasoning, then a message', async () => {
    const { openai, clock } = await startResponsesBackend();
    const response = await openai.responses.create({ model: 'gpt-4o', input: 'Go', metadata: scenario('bulk', { 'emulator.steps': '7' }) });
    expect(types(response)).toEqual([
      'code_interpreter_call', 'file_search_call', 'reasoning', 'code_interpreter_call', 'file_search_call', 'reasoning', 'code_interpreter_call', 'message',
    ]);
    expect(messageText(response)).toContain('Done: 7 steps');

    const background = await openai.responses.create({ model: 'gpt-4o', input: 'Go', background: true, metadata: scenario('bulk', { 'emulator.steps': '300' }) });
    clock.advance(500 + 150 * 10);
    const halfway = await openai.responses.retrieve(background.id);
    expect(halfway.status).toBe('in_progress');
    expect(halfway.output).toHaveLength(150);
    clock.advance(150 * 10 + 1_000);
    const done = await openai.responses.retrieve(background.id);
    expect(done.status).toBe('completed');
    expect(done.output).toHaveLength(301);
  });
});
