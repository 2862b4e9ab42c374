import { describe, expect, it } from 'vitest';
import {
  checkCreateRunParams,
  checkCreateThreadRunParams,
  checkId,
  checkListParams,
  checkMetadata,
  checkRunStepInclude,
  checkToolOutputs,
  checkUpdateRunParams,
  RunsApiError,
} from '../../src/core';

function metadataWith(keys: number, keyLength = 3, valueLength = 1): Record<string, string> {
  return Object.fromEntries(
    Array.from({ length: keys }, (_, i) => [String(i).padStart(keyLength, 'k'), 'v'.repeat(valueLength)]),
  );
}

function expectProblem(problem: RunsApiError | null, param: string, message: RegExp): void {
  expect(problem).toBeInstanceOf(RunsApiError);
  expect(problem).toMatchObject({ status: null, type: 'invalid_request_error', param, requestId: null });
  expect(problem?.message).toMatch(message);
  expect(problem?.message).toMatch(/Nothing was sent\. \(invalid_request_error, param: /);
}

describe('checkMetadata', () => {
  it('16 keys pass, 17 fail', () => {
    expect(checkMetadata(metadataWith(16))).toBeNull();
    expectProblem(checkMetadata(metadataWith(17)), 'metadata', /metadata has 17 keys; at most 16/);
  });

  it('a 64-character key passes, 65 fails', () => {
    expect(checkMetadata(metadataWith(1, 64))).toBeNull();
    expectProblem(checkMetadata(metadataWith(1, 65)), 'metadata', /is 65 characters long; keys may have at most 64/);
  });

  it('a 512-character value passes, 513 fails', () => {
    expect(checkMetadata(metadataWith(1, 3, 512))).toBeNull();
    expectProblem(
      checkMetadata(metadataWith(1, 3, 513)),
      'metadata',
      /is 513 characters long; values may have at most 512/,
    );
  });

  it('values must be strings; null metadata is fine', () => {
    expectProblem(checkMetadata({ n: 1 }), 'metadata', /metadata\.n must be a string; got 1/);
    expectProblem(checkMetadata(['a']), 'metadata', /must be an object/);
    expect(checkMetadata(null)).toBeNull();
    expect(checkMetadata({})).toBeNull();
  });
});

describe('checkListParams', () => {
  it('limit 1 and 100 pass; 0, 101 and 1.5 fail', () => {
    expect(checkListParams({ limit: 1 })).toBeNull();
    expect(checkListParams({ limit: 100 })).toBeNull();
    expectProblem(checkListParams({ limit: 0 }), 'limit', /limit must be an integer from 1 to 100; got 0/);
    expectProblem(checkListParams({ limit: 101 }), 'limit', /got 101/);
    expectProblem(checkListParams({ limit: 1.5 }), 'limit', /got 1\.5/);
  });

  it("order is 'asc' or 'desc'", () => {
    expect(checkListParams({ order: 'asc' })).toBeNull();
    expect(checkListParams({ order: 'desc' })).toBeNull();
    expectProblem(checkListParams({ order: 'up' as 'asc' }), 'order', /order must be 'asc' or 'desc'; got "up"/);
  });

  it('cursors are ids; include is the one known value', () => {
    expect(checkListParams(undefined)).toBeNull();
    expectProblem(checkListParams({ after: '' }), 'after', /after must be a non-empty id/);
    expect(checkRunStepInclude(['step_details.tool_calls[*].file_search.results[*].content'])).toBeNull();
    expectProblem(checkRunStepInclude(['usage']), 'include[0]', /Invalid include\[0\]/);
  });
});

describe('checkId', () => {
  it('an id passes; empty, blank, non-string and paths fail', () => {
    expect(checkId('run_abc', 'run_id')).toBeNull();
    expectProblem(checkId('', 'thread_id'), 'thread_id', /thread_id must be a non-empty id; got ""/);
    expectProblem(checkId('  ', 'run_id'), 'run_id', /run_id must be a non-empty id/);
    expectProblem(checkId(undefined, 'step_id'), 'step_id', /got nothing/);
    expectProblem(checkId('run_1/steps', 'run_id'), 'run_id', /contains '\/'; pass the id alone/);
  });
});

describe('checkToolOutputs', () => {
  it('one output per call passes', () => {
    expect(
      checkToolOutputs([
        { tool_call_id: 'call_1', output: '42' },
        { tool_call_id: 'call_2', output: '' },
      ]),
    ).toBeNull();
  });

  it('empty, duplicated, or malformed outputs fail', () => {
    expectProblem(checkToolOutputs([]), 'tool_outputs', /tool_outputs is empty/);
    expectProblem(
      checkToolOutputs([
        { tool_call_id: 'call_1', output: 'a' },
        { tool_call_id: 'call_1', output: 'b' },
      ]),
      'tool_outputs',
      /more than one output for call_1/,
    );
    expectProblem(checkToolOutputs([{ tool_call_id: '', output: 'a' }]), 'tool_outputs[0].tool_call_id', /Invalid/);
    expectProblem(checkToolOutputs([{ tool_call_id: 'c', output: 7 }]), 'tool_outputs[0].output', /expected string/);
    expectProblem(checkToolOutputs(undefined), 'tool_outputs', /expected array/);
    expectProblem(checkToolOutputs(['42']), 'tool_outputs[0]', /expected object, received string/);
    expectProblem(
      checkToolOutputs([{ tool_call_id: 'c', output: 'x', name: 'f' }]),
      'tool_outputs[0].name',
      /Unrecognized request argument supplied: name\./,
    );
  });

  it('says where, in the same path form as the schema-checked calls', () => {
    expectProblem(checkToolOutputs([{ tool_call_id: 'c', output: 'x' }, { tool_call_id: 'd' }]), 'tool_outputs[1].output', /^Invalid tool_outputs\[1\]\.output: expected string, received nothing\./);
    expectProblem(checkUpdateRunParams({ metadata: 'x' }), 'metadata', /^Invalid metadata: expected object, received string\./);
    expectProblem(checkUpdateRunParams(null), 'body', /^Invalid body: expected object, received null\./);
    expectProblem(checkRunStepInclude('all'), 'include', /^Invalid include: expected array, received string\./);
  });
});

describe('request bodies', () => {
  it('createRun: the spec bounds and closed top level', () => {
    expect(
      checkCreateRunParams({ assistant_id: 'asst_1', temperature: 2, top_p: 0, max_prompt_tokens: 256 }),
    ).toBeNull();
    expectProblem(
      checkCreateRunParams({ assistant_id: 'asst_1', temperature: 2.1 }),
      'temperature',
      /Invalid temperature: must be at most 2\./,
    );
    expectProblem(
      checkCreateRunParams({ assistant_id: 'asst_1', max_completion_tokens: 255 }),
      'max_completion_tokens',
      /Invalid max_completion_tokens: must be at least 256\./,
    );
    expectProblem(
      checkCreateRunParams({ assistant_id: 'asst_1', stream: true }),
      'stream',
      /Unrecognized request argument supplied: stream/,
    );
    expectProblem(checkCreateRunParams({}), 'assistant_id', /Invalid assistant_id/);
    expectProblem(
      checkCreateRunParams({
        assistant_id: 'asst_1',
        tools: [{ type: 'function', function: { description: 'no name' } }],
      }),
      'tools[0].function.name',
      /expected string/,
    );
  });

  it('createRun: metadata of the run and of its extra messages', () => {
    expectProblem(checkCreateRunParams({ assistant_id: 'a', metadata: metadataWith(17) }), 'metadata', /17 keys/);
    expectProblem(
      checkCreateRunParams({
        assistant_id: 'a',
        additional_messages: [{ role: 'user', content: 'hi', metadata: metadataWith(17) }],
      }),
      'additional_messages[0].metadata',
      /17 keys/,
    );
  });

  it('createThreadRun: the thread, its messages and their metadata', () => {
    expect(
      checkCreateThreadRunParams({ assistant_id: 'a', thread: { messages: [{ role: 'user', content: 'hi' }] } }),
    ).toBeNull();
    expectProblem(
      checkCreateThreadRunParams({ assistant_id: 'a', thread: { metadata: metadataWith(17) } }),
      'thread.metadata',
      /17 keys/,
    );
    expectProblem(
      checkCreateThreadRunParams({ assistant_id: 'a', thread: { messages: [{ role: 'user', content: [] }] } }),
      'thread.messages[0].content',
      /Invalid thread\.messages\[0\]\.content/,
    );
  });

  it('messages say what to fix without a zod locale', () => {
    const message = (params: unknown) => checkCreateRunParams(params)?.message;
    expect(message({ assistant_id: 'a', tools: [{ type: 'function', function: 'f' }] })).toMatch(
      /^Invalid tools\[0\]\.function: expected object, received string\. Nothing was sent\./,
    );
    expect(message({ assistant_id: 'a', tools: [{ type: 'computer' }] })).toMatch(
      /^Invalid tools\[0\]\.type: expected one of "code_interpreter", "file_search", "function"\./,
    );
    expect(message({ assistant_id: 'a', tool_choice: 'sometimes' })).toMatch(
      /^Invalid tool_choice: expected one of "none", "auto", "required"; or expected object, received string\./,
    );
    expect(message({ assistant_id: 'a', max_prompt_tokens: 300.5 })).toMatch(/expected integer, received number\./);
    expect(message({ assistant_id: '' })).toMatch(/^Invalid assistant_id: must not be empty\./);
    const twoStores = { assistant_id: 'a', tool_resources: { file_search: { vector_store_ids: ['a', 'b'] } } };
    expect(checkCreateThreadRunParams(twoStores)?.message).toMatch(
      /^Invalid tool_resources\.file_search\.vector_store_ids: must be at most 1 item\./,
    );
  });

  it('updateRun: metadata only', () => {
    expect(checkUpdateRunParams({ metadata: metadataWith(16) })).toBeNull();
    expectProblem(checkUpdateRunParams({ metadata: metadataWith(1, 65) }), 'metadata', /65 characters/);
    expectProblem(checkUpdateRunParams({ metadata: {}, status: 'x' }), 'status', /Unrecognized/);
  });
});
