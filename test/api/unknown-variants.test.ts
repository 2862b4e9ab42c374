import { describe, expect, it } from 'vitest';
import {
  assistantStreamEventSchema,
  messageSchema,
  runSchema,
  runStepDeltaSchema,
  runStepListSchema,
  runStepSchema,
  type RunStep,
  type ToolCall,
} from '../../src/core';
import { schemaExample } from './spec-examples';

const stepExample = schemaExample('RunStepObject') as Record<string, unknown>;
const runExample = schemaExample('RunObject') as Record<string, unknown>;

function toolCallsStep(toolCalls: unknown[]): Record<string, unknown> {
  return { ...stepExample, type: 'tool_calls', step_details: { type: 'tool_calls', tool_calls: toolCalls } };
}

/** What a component does with a tool call: an exhaustive switch, unknown included. */
function label(call: ToolCall): string {
  switch (call.type) {
    case 'function':
      return `function ${call.function.name}`;
    case 'code_interpreter':
      return `code (${call.code_interpreter.outputs.length} outputs)`;
    case 'file_search':
      return `file search (${call.file_search.results?.length ?? 0} results)`;
    case 'unknown':
      return `unsupported ${call.original_type} ${call.id}`;
  }
}

describe('a kind the server adds later parses as an unknown variant', () => {
  it('a new step type, without rejecting the rest of the page', () => {
    const page = {
      object: 'list',
      data: [
        stepExample,
        { ...stepExample, id: 'step_2', type: 'reasoning', step_details: { type: 'reasoning', summary: 'hm' } },
      ],
      first_id: 'step_abc123',
      last_id: 'step_2',
      has_more: false,
    };
    const parsed = runStepListSchema.parse(page);
    expect(parsed.data[1]?.type).toBe('reasoning');
    expect(parsed.data[1]?.step_details).toEqual({ type: 'unknown', original_type: 'reasoning', summary: 'hm' });
  });

  it('a new tool call type keeps its id and fields; known ones keep narrowing', () => {
    const step: RunStep = runStepSchema.parse(
      toolCallsStep([
        { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{}', output: null } },
        { id: 'call_2', type: 'computer_use', computer_use: { action: 'click' } },
        {
          id: 'call_3',
          type: 'code_interpreter',
          code_interpreter: {
            input: 'print(1)',
            outputs: [
              { type: 'logs', logs: '1' },
              { type: 'chart', chart: {} },
            ],
          },
        },
        { id: 'call_4', type: 'file_search', file_search: {} },
      ]),
    );
    if (step.step_details.type !== 'tool_calls') throw new Error('expected tool_calls');
    expect(step.step_details.tool_calls.map(label)).toEqual([
      'function get_weather',
      'unsupported computer_use call_2',
      'code (2 outputs)',
      'file search (0 results)',
    ]);
    expect(step.step_details.tool_calls[1]).toMatchObject({ computer_use: { action: 'click' } });
  });

  it('a new tool kind on the run, a new required tool call, a new response format', () => {
    const run = runSchema.parse({
      ...runExample,
      status: 'requires_action',
      tools: [{ type: 'web_search' }, { type: 'code_interpreter' }],
      response_format: { type: 'xml' },
      required_action: {
        type: 'submit_tool_outputs',
        submit_tool_outputs: { tool_calls: [{ id: 'call_9', type: 'mcp', mcp: { server: 'x' } }] },
      },
    });
    expect(run.tools[0]).toEqual({ type: 'unknown', original_type: 'web_search' });
    expect(run.response_format).toEqual({ type: 'unknown', original_type: 'xml' });
    expect(run.required_action?.submit_tool_outputs.tool_calls[0]?.id).toBe('call_9');
  });

  it('new message content and new delta pieces keep their index', () => {
    const message = messageSchema.parse({
      ...(schemaExample('MessageObject') as object),
      content: [{ type: 'audio', audio: {} }],
    });
    expect(message.content[0]).toMatchObject({ type: 'unknown', original_type: 'audio' });
    const delta = runStepDeltaSchema.parse({
      id: 'step_1',
      object: 'thread.run.step.delta',
      delta: { step_details: { type: 'tool_calls', tool_calls: [{ index: 2, type: 'computer_use' }] } },
    });
    expect(delta.delta.step_details).toMatchObject({
      tool_calls: [{ index: 2, type: 'unknown', original_type: 'computer_use' }],
    });
  });

  it('a new stream event', () => {
    expect(assistantStreamEventSchema.parse({ event: 'thread.run.step.paused', data: { id: 'step_1' } })).toEqual({
      event: 'unknown',
      original_event: 'thread.run.step.paused',
      data: { id: 'step_1' },
    });
  });

  it('parsing a parsed value again changes nothing (cache round trips)', () => {
    const once = runStepSchema.parse(toolCallsStep([{ id: 'call_2', type: 'computer_use' }]));
    expect(runStepSchema.parse(once)).toEqual(once);
  });
});

describe('a known kind with a bad field still fails, at that field', () => {
  it('function.arguments of a known tool call', () => {
    const step = toolCallsStep([
      { id: 'call_1', type: 'function', function: { name: 'f', arguments: 3, output: null } },
    ]);
    const result = runStepSchema.safeParse(step);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([
      ['step_details', 'tool_calls', 0, 'function', 'arguments'],
    ]);
  });

  it('a type that is not a string', () => {
    const result = runStepSchema.safeParse(toolCallsStep([{ id: 'call_1', type: 5 }]));
    expect(result.error?.issues[0]?.path).toEqual(['step_details', 'tool_calls', 0, 'type']);
  });

  it('required_action of a kind nobody can act on', () => {
    const result = runSchema.safeParse({ ...runExample, required_action: { type: 'approve', approve: {} } });
    expect(result.error?.issues[0]?.path).toEqual(['required_action', 'type']);
  });
});
