import { describe, expect, it } from 'vitest';
import { RunsSchemaError } from '../../src/api/errors';
import { describeIssues, flattenIssues } from '../../src/api/issues';
import { parsePayload } from '../../src/api/payload';
import {
  conversationItemListSchema,
  conversationSchema,
  outputItemSchema,
  responseItemListSchema,
  responseSchema,
  responseStreamEventSchema,
} from '../../src/api/schemas/responses/index';
import { responsesOperationExamples, responsesSchemaExample, streamEventSchemaNames } from './responses-spec-examples';

const operationExamples = responsesOperationExamples();
const example = (title: string) => {
  const found = operationExamples.find((candidate) => candidate.title === title);
  if (!found) throw new Error(`No spec example titled ${title}`);
  return found.response;
};

describe('the spec’s own examples', () => {
  it('the Response schema example', () => {
    expect(responseSchema.parse(responsesSchemaExample('Response'))).toMatchObject({
      object: 'response',
      status: 'completed',
      background: null,
      conversation: null,
      output: [{ type: 'message', role: 'assistant', content: [{ type: 'output_text', annotations: [] }] }],
    });
  });

  it('every JSON example of the responses and conversations endpoints', () => {
    const schemas: Record<string, { parse: (json: unknown) => unknown }> = {
      'POST /responses Text input': responseSchema,
      'POST /responses Image input': responseSchema,
      'POST /responses File input': responseSchema,
      'POST /responses Web search': responseSchema,
      'POST /responses File search': responseSchema,
      'POST /responses Functions': responseSchema,
      'POST /responses Reasoning': responseSchema,
      'GET /responses/{response_id}': responseSchema,
      'POST /responses/{response_id}/cancel': responseSchema,
      'GET /responses/{response_id}/input_items': responseItemListSchema,
      'POST /conversations': conversationSchema,
      'GET /conversations/{conversation_id}': conversationSchema,
      'POST /conversations/{conversation_id}': conversationSchema,
      'POST /conversations/{conversation_id}/items': conversationItemListSchema,
      'GET /conversations/{conversation_id}/items': conversationItemListSchema,
      'GET /conversations/{conversation_id}/items/{item_id}': outputItemSchema,
      // Deleting an item answers with the conversation.
      'DELETE /conversations/{conversation_id}/items/{item_id}': conversationSchema,
    };
    for (const [title, schema] of Object.entries(schemas)) {
      expect(() => schema.parse(JSON.parse(example(title))), title).not.toThrow();
    }
    // Left out: the two delete acknowledgements (`{ id, object, deleted }`, not modelled) and the SSE example below.
    expect(operationExamples.map((candidate) => candidate.title).filter((title) => !(title in schemas)).sort()).toEqual([
      'DELETE /conversations/{conversation_id}',
      'DELETE /responses/{response_id}',
      'POST /responses Streaming',
    ]);
    expect(responseSchema.parse(JSON.parse(example('POST /responses Functions'))).output).toEqual([
      {
        type: 'function_call',
        id: 'fc_67ca09c6bedc8190a7abfec07b1a1332096610f474011cc0',
        call_id: 'call_unLAR8MvFNptuiZK6K6HCy5k',
        name: 'get_current_weather',
        arguments: '{"location":"Boston, MA","unit":"celsius"}',
        status: 'completed',
      },
    ]);
    expect(responseSchema.parse(JSON.parse(example('POST /responses File search'))).output[0]).toMatchObject({
      type: 'file_search_call',
      queries: ['attributes of an ancient brown dragon'],
      results: null,
    });
  });

  it('the streaming example, event by event, numbering the events its frames leave unnumbered', () => {
    const frames = example('POST /responses Streaming')
      .split(/\n\s*\n/)
      .map((block) => block.split('\n').find((line) => line.startsWith('data: '))?.slice('data: '.length))
      .filter((data): data is string => data !== undefined);
    const events = frames.map((data, index) => {
      const json = JSON.parse(data) as Record<string, unknown>;
      // The spec says every event carries `sequence_number`; this hand-written example omits it.
      expect(json.sequence_number).toBeUndefined();
      return responseStreamEventSchema.parse({ ...json, sequence_number: index });
    });
    expect(events.map((event) => event.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
  });

  // Typos in the spec's event examples, and what they break; a change here means the spec copy changed.
  const brokenEventExamples: Record<string, string> = {
    // The spec requires `sequence_number`; these examples leave it out (they parse once numbered).
    ResponseFailedEvent: 'no sequence_number',
    ResponseCustomToolCallInputDeltaEvent: 'no sequence_number',
    ResponseCustomToolCallInputDoneEvent: 'no sequence_number',
    // Its `response` is a placeholder: ISO dates, no object, model or output.
    ResponseQueuedEvent: 'response.object, response.created_at, response.output, response.model',
    // A comma is missing after `delta`.
    ResponseFunctionCallArgumentsDeltaEvent: 'not JSON',
  };
  // Event types runlens does not model yet: they pass as `unknown`.
  const unmodelled = /^response\.(audio|mcp_list_tools|mcp_call_arguments|custom_tool_call_input|reasoning_text|image_generation_call\.partial_image)/;

  it('every stream event example: modelled events parse as themselves, the others as unknown', () => {
    const names = streamEventSchemaNames();
    expect(names.length).toBeGreaterThan(50);
    let parsedAsThemselves = 0;
    const outcomes = names.map((name): [string, string] => {
      let json: Record<string, unknown>;
      try {
        json = JSON.parse(responsesSchemaExample(name) as string) as Record<string, unknown>;
      } catch {
        return [name, 'not JSON'];
      }
      const numbered = 'sequence_number' in json;
      const result = responseStreamEventSchema.safeParse(numbered ? json : { ...json, sequence_number: 0 });
      if (!result.success) return [name, flattenIssues(result.error.issues).map((issue) => issue.path.join('.')).join(', ')];
      const sent = json.type as string;
      expect(result.data.type === 'unknown', sent).toBe(unmodelled.test(sent));
      if (result.data.type === 'unknown') expect(result.data.original_type).toBe(sent);
      else {
        expect(result.data.type).toBe(sent);
        parsedAsThemselves += 1;
      }
      return [name, numbered ? 'ok' : 'no sequence_number'];
    });
    const failed = Object.fromEntries(outcomes.filter(([, outcome]) => outcome !== 'ok'));
    expect(failed).toEqual(brokenEventExamples);
    // Of the 39 modelled event types the spec shows, all but the two with broken examples.
    expect(parsedAsThemselves).toBe(37);
  });
});

const baseResponse = {
  id: 'resp_1',
  object: 'response',
  created_at: 1_760_000_000,
  status: 'completed',
  model: 'gpt-5',
  output: [],
};

describe('hand-checked output items', () => {
  const items = [
    {
      type: 'message',
      id: 'msg_1',
      role: 'assistant',
      status: 'completed',
      content: [
        {
          type: 'output_text',
          text: 'See the report.',
          annotations: [
            { type: 'file_citation', file_id: 'file_1', filename: 'report.pdf', index: 4 },
            { type: 'url_citation', url: 'https://example.com', title: 'Example', start_index: 0, end_index: 3 },
            { type: 'container_file_citation', container_id: 'cntr_1', file_id: 'file_2', filename: 'a.csv', start_index: 1, end_index: 2 },
            { type: 'file_path', file_id: 'file_3', index: 7 },
          ],
        },
        { type: 'refusal', refusal: 'I can’t help with that.' },
      ],
    },
    { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Oslo"}', status: 'completed' },
    { type: 'function_call_output', id: 'fco_1', call_id: 'call_1', output: '{"temperature":21}', status: 'completed' },
    { type: 'function_call_output', id: 'fco_2', call_id: 'call_2', output: [{ type: 'input_text', text: 'done' }] },
    { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'Looking up the weather.' }], status: 'completed' },
    {
      type: 'file_search_call',
      id: 'fs_1',
      status: 'completed',
      queries: ['dragons'],
      results: [{ file_id: 'file_1', filename: 'dragons.pdf', score: 0.92, text: 'An ancient brown dragon…', attributes: {} }],
    },
    {
      type: 'code_interpreter_call',
      id: 'ci_1',
      status: 'completed',
      container_id: 'cntr_1',
      code: 'print(6 * 7)',
      outputs: [
        { type: 'logs', logs: '42\n' },
        { type: 'image', url: 'https://example.com/plot.png' },
      ],
    },
    { type: 'web_search_call', id: 'ws_1', status: 'completed', action: { type: 'search', query: 'weather oslo', sources: [{ type: 'url', url: 'https://yr.no' }] } },
    { type: 'image_generation_call', id: 'ig_1', status: 'completed', result: 'iVBORw0KGgo=' },
    {
      type: 'mcp_call',
      id: 'mcp_1',
      server_label: 'deepwiki',
      name: 'ask_question',
      arguments: '{"q":"?"}',
      output: 'An answer',
      error: null,
      status: 'completed',
    },
    { type: 'mcp_approval_request', id: 'mcpr_1', server_label: 'deepwiki', name: 'ask_question', arguments: '{}' },
  ];

  it('parses each item type as itself, keeping every field', () => {
    const parsed = responseSchema.parse({ ...baseResponse, output: items });
    // Nothing was lost or renamed, and every item matched its own variant.
    expect(parsed.output).toEqual(items);
    expect(parsed.output.map((item) => item.type)).not.toContain('unknown');
  });

  it('reads an absent nullable field as null', () => {
    const [codeCall, imageCall, mcpCall] = [items[6], items[8], items[9]].map((item) => {
      const { outputs: _outputs, result: _result, output: _output, error: _error, ...rest } = item as Record<string, unknown>;
      return outputItemSchema.parse(rest);
    });
    expect(codeCall).toMatchObject({ outputs: null });
    expect(imageCall).toMatchObject({ result: null });
    expect(mcpCall).toMatchObject({ output: null, error: null });
  });

  it('reads a response with its chain, background, usage and failure fields', () => {
    const parsed = responseSchema.parse({
      ...baseResponse,
      status: 'failed',
      background: true,
      previous_response_id: 'resp_0',
      conversation: { id: 'conv_1' },
      error: { code: 'server_error', message: 'The model failed to generate a response.' },
      usage: { input_tokens: 10, output_tokens: 5, total_tokens: 15, input_tokens_details: { cached_tokens: 2 }, output_tokens_details: { reasoning_tokens: 1 } },
      metadata: { 'emulator.scenario': 'fail' },
      service_tier: 'default',
    });
    expect(parsed).toMatchObject({
      background: true,
      previous_response_id: 'resp_0',
      conversation: { id: 'conv_1' },
      error: { code: 'server_error' },
      usage: { total_tokens: 15, output_tokens_details: { reasoning_tokens: 1 } },
      completed_at: null,
      incomplete_details: null,
      service_tier: 'default',
    });
  });

  it('pages of items and a conversation', () => {
    const page = { object: 'list', data: [items[1], items[2]], first_id: 'fc_1', last_id: 'fco_1', has_more: true };
    expect(conversationItemListSchema.parse(page)).toEqual(page);
    expect(responseItemListSchema.parse({ ...page, data: [], first_id: null, last_id: null, has_more: false }).data).toEqual([]);
    expect(conversationSchema.parse({ id: 'conv_1', object: 'conversation', created_at: 1, metadata: null })).toEqual({
      id: 'conv_1',
      object: 'conversation',
      created_at: 1,
      metadata: null,
    });
  });
});

describe('what a newer server may send', () => {
  it('keeps an unknown item type, content type and annotation type, and a new status', () => {
    const output = [
      { type: 'computer_call', id: 'cu_1', call_id: 'call_9', action: { type: 'click', x: 1, y: 2 }, status: 'completed' },
      {
        type: 'message',
        id: 'msg_2',
        role: 'user',
        content: [
          { type: 'input_image', image_url: 'https://example.com/a.png' },
          { type: 'output_text', text: 'x', annotations: [{ type: 'page_citation', page: 3 }] },
        ],
      },
    ];
    const parsed = responseSchema.parse({ ...baseResponse, status: 'paused', output, brand_new_field: 1 });
    expect(parsed.status).toBe('paused');
    expect(parsed.brand_new_field).toBe(1);
    expect(parsed.output[0]).toEqual({ ...output[0], type: 'unknown', original_type: 'computer_call' });
    expect(parsed.output[1]).toMatchObject({
      content: [
        { type: 'unknown', original_type: 'input_image', image_url: 'https://example.com/a.png' },
        { type: 'output_text', annotations: [{ type: 'unknown', original_type: 'page_citation', page: 3 }] },
      ],
    });
    // Parsing what was parsed gives the same value (a cache may hold parsed objects).
    expect(responseSchema.parse(parsed)).toEqual(parsed);
  });

  it('keeps an unknown event type with its sequence number, so a reader can resume after it', () => {
    const event = { type: 'response.audio.delta', response_id: 'resp_1', delta: 'AAAA', sequence_number: 12 };
    expect(responseStreamEventSchema.parse(event)).toEqual({ ...event, type: 'unknown', original_type: 'response.audio.delta' });
    expect(responseStreamEventSchema.safeParse({ type: 'response.audio.delta', delta: 'AAAA' }).success).toBe(false);
  });

  it('reads an item event with an item of an unknown type', () => {
    const event = responseStreamEventSchema.parse({
      type: 'response.output_item.added',
      output_index: 0,
      item: { type: 'local_shell_call', id: 'lsh_1', status: 'in_progress' },
      sequence_number: 3,
    });
    expect(event).toMatchObject({ type: 'response.output_item.added', item: { type: 'unknown', original_type: 'local_shell_call' } });
  });
});

describe('broken required fields fail where they are broken', () => {
  function failure(schema: Parameters<typeof parsePayload>[1], payload: unknown): RunsSchemaError {
    try {
      parsePayload('retrieveResponse', schema, JSON.stringify(payload));
    } catch (error) {
      if (error instanceof RunsSchemaError) return error;
      throw error;
    }
    throw new Error('expected the payload to fail');
  }

  it('names the path, what was expected and what came', () => {
    expect(failure(responseSchema, { ...baseResponse, id: 42 }).message).toContain('  - id: expected string, received number; got 42');
    expect(failure(responseSchema, { ...baseResponse, object: 'thread.run' }).message).toContain(
      '  - object: expected "response"; got "thread.run"',
    );
    expect(failure(responseSchema, { ...baseResponse, created_at: '2021-01-01T00:00:00Z' }).message).toContain(
      '  - created_at: expected number, received string',
    );
    const { status: _status, ...noStatus } = baseResponse;
    expect(failure(responseSchema, noStatus).message).toContain('  - status: expected string, received nothing; got nothing');
  });

  it('reaches into a known item or event type rather than calling it unknown', () => {
    const item = { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'f', arguments: { city: 'Oslo' } };
    const error = failure(responseSchema, { ...baseResponse, output: [item] });
    expect(error.message).toContain('  - output[0].arguments: expected string, received object');
    expect(error.detail).toContain('(at output[0].arguments)');

    const usage = failure(responseSchema, { ...baseResponse, usage: { input_tokens: 1.5, output_tokens: 1, total_tokens: 2 } });
    expect(usage.message).toContain('  - usage.input_tokens: expected integer, received number; got 1.5');

    const event = { type: 'response.output_text.delta', item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'Hi' };
    const result = responseStreamEventSchema.safeParse(event);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(describeIssues(flattenIssues(result.error.issues), event)).toBe(
        '  - sequence_number: expected number, received nothing; got nothing',
      );
    }
  });

  it('fails a page whose cursor fields are missing', () => {
    expect(failure(conversationItemListSchema, { object: 'list', data: [], has_more: false }).message).toContain(
      '  - first_id: expected string, received nothing',
    );
  });
});
