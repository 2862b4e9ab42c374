import { describe, expect, it } from 'vitest';
import {
  messageDeltaSchema,
  messageSchema,
  runStepDeltaSchema,
  runStepSchema,
  type Message,
  type RunStep,
} from '../../src/api/schemas';
import { mergeMessageDelta, mergeRunStepDelta } from '../../src/query/stream/merge-delta';

// The merge rules on their own, with deltas shaped like the API's (parsed by the same schemas the
// client checks events with). The end-to-end equality with GET is in run-stream.test.ts.

function toolStep(): RunStep {
  return runStepSchema.parse({
    id: 'step_1',
    object: 'thread.run.step',
    created_at: 1,
    assistant_id: 'asst_1',
    thread_id: 'thread_1',
    run_id: 'run_1',
    type: 'tool_calls',
    status: 'in_progress',
    step_details: { type: 'tool_calls', tool_calls: [] },
  });
}

function message(): Message {
  return messageSchema.parse({
    id: 'msg_1',
    object: 'thread.message',
    created_at: 1,
    thread_id: 'thread_1',
    status: 'in_progress',
    role: 'assistant',
    content: [],
    run_id: 'run_1',
  });
}

const stepDelta = (tool_calls: object[]) =>
  runStepDeltaSchema.parse({ id: 'step_1', object: 'thread.run.step.delta', delta: { step_details: { type: 'tool_calls', tool_calls } } });
const messageDelta = (content: object[]) =>
  messageDeltaSchema.parse({ id: 'msg_1', object: 'thread.message.delta', delta: { content } });
const fold = <T, D>(start: T, deltas: D[], merge: (acc: T, delta: D) => T) => deltas.reduce(merge, start);

describe('mergeRunStepDelta', () => {
  it('assembles parallel function calls piece by piece by index, dropping the wire-only index', () => {
    const deltas = [
      stepDelta([{ index: 0, id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '', output: null } }]),
      stepDelta([{ index: 1, id: 'call_b', type: 'function', function: { name: 'get_time', arguments: '', output: null } }]),
      stepDelta([{ index: 0, type: 'function', function: { arguments: '{"city":' } }]),
      stepDelta([{ index: 1, type: 'function', function: { arguments: '{"tz":"UTC"}' } }]),
      stepDelta([{ index: 0, type: 'function', function: { arguments: '"Paris"}' } }]),
    ];
    const step = fold(toolStep(), deltas, mergeRunStepDelta);
    expect(step.step_details).toEqual({
      type: 'tool_calls',
      tool_calls: [
        { id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}', output: null } },
        { id: 'call_b', type: 'function', function: { name: 'get_time', arguments: '{"tz":"UTC"}', output: null } },
      ],
    });
  });

  it('appends code_interpreter input and merges its outputs by index (logs append, images land whole)', () => {
    const code = { index: 0, type: 'code_interpreter' };
    const step = fold(
      toolStep(),
      [
        stepDelta([{ ...code, id: 'call_c', code_interpreter: { input: '', outputs: [] } }]),
        stepDelta([{ ...code, code_interpreter: { input: 'print(1)\n' } }]),
        stepDelta([{ ...code, code_interpreter: { input: 'print(2)' } }]),
        stepDelta([{ ...code, code_interpreter: { outputs: [{ index: 0, type: 'logs', logs: '1\n' }] } }]),
        stepDelta([{ ...code, code_interpreter: { outputs: [{ index: 0, type: 'logs', logs: '2\n' }, { index: 1, type: 'image', image: { file_id: 'file-1' } }] } }]),
      ],
      mergeRunStepDelta,
    );
    expect(step.step_details).toEqual({
      type: 'tool_calls',
      tool_calls: [
        {
          id: 'call_c',
          type: 'code_interpreter',
          code_interpreter: { input: 'print(1)\nprint(2)', outputs: [{ type: 'logs', logs: '1\n2\n' }, { type: 'image', image: { file_id: 'file-1' } }] },
        },
      ],
    });
  });

  it('takes file_search results as sent whole (they carry no index), keeping ranking options', () => {
    const results = [{ file_id: 'file-a', file_name: 'a.md', score: 0.9 }, { file_id: 'file-b', file_name: 'b.md', score: 0.4 }];
    const step = fold(
      toolStep(),
      [
        stepDelta([{ index: 0, id: 'call_f', type: 'file_search', file_search: {} }]),
        stepDelta([{ index: 0, type: 'file_search', file_search: { ranking_options: { ranker: 'auto', score_threshold: 0 } } }]),
        stepDelta([{ index: 0, type: 'file_search', file_search: { results: results.slice(0, 1) } }]),
        stepDelta([{ index: 0, type: 'file_search', file_search: { results } }]),
      ],
      mergeRunStepDelta,
    );
    expect(step.step_details).toEqual({
      type: 'tool_calls',
      tool_calls: [{ id: 'call_f', type: 'file_search', file_search: { ranking_options: { ranker: 'auto', score_threshold: 0 }, results } }],
    });
  });

  it('keeps a tool type it does not know, without appending its name to itself', () => {
    const step = fold(
      toolStep(),
      [stepDelta([{ index: 0, id: 'call_x', type: 'computer_use', action: 'click' }]), stepDelta([{ index: 0, type: 'computer_use' }])],
      mergeRunStepDelta,
    );
    expect(step.step_details).toEqual({
      type: 'tool_calls',
      tool_calls: [{ id: 'call_x', type: 'unknown', original_type: 'computer_use', action: 'click' }],
    });
  });

  it('never changes its inputs (they may be cache data)', () => {
    const start = toolStep();
    const snapshot = structuredClone(start);
    const once = mergeRunStepDelta(start, stepDelta([{ index: 0, id: 'call_a', type: 'function', function: { name: 'f', arguments: '{', output: null } }]));
    mergeRunStepDelta(once, stepDelta([{ index: 0, type: 'function', function: { arguments: '}' } }]));
    expect(start).toEqual(snapshot);
    expect(once.step_details).toMatchObject({ tool_calls: [{ function: { arguments: '{' } }] });
  });
});

describe('mergeMessageDelta', () => {
  it('grows text by content index and merges annotations by their own index', () => {
    const citation = { index: 0, type: 'file_citation', text: '【4:0†a.md】', file_citation: { file_id: 'file-a' }, start_index: 6, end_index: 16 };
    const merged = fold(
      message(),
      [
        messageDelta([{ index: 0, type: 'image_file', image_file: { file_id: 'file-img' } }]),
        messageDelta([{ index: 1, type: 'text', text: { value: 'Found ', annotations: [] } }]),
        messageDelta([{ index: 1, type: 'text', text: { value: '【4:0†a.md】', annotations: [citation] } }]),
        messageDelta([{ index: 1, type: 'text', text: { value: ' in the docs.' } }]),
      ],
      mergeMessageDelta,
    );
    const { index: _index, ...annotation } = citation;
    expect(merged.content).toEqual([
      { type: 'image_file', image_file: { file_id: 'file-img' } },
      { type: 'text', text: { value: 'Found 【4:0†a.md】 in the docs.', annotations: [annotation] } },
    ]);
  });

  it('returns the same message for a delta that carries nothing', () => {
    const start = message();
    expect(mergeMessageDelta(start, messageDeltaSchema.parse({ id: 'msg_1', object: 'thread.message.delta', delta: {} }))).toBe(start);
  });
});
