import { describe, expect, it } from 'vitest';
import {
  assistantStreamEventSchema,
  decodeStreamFrame,
  errorResponseSchema,
  isTerminalRunStatus,
  listPageSchema,
  messageSchema,
  runListSchema,
  runSchema,
  runStatusSchema,
  runStepListSchema,
  runStepSchema,
  TERMINAL_RUN_STATUSES,
} from '../../src/core';
import { RunsSchemaError } from '../../src/api/errors';
import { RUN_STATUSES } from '../../src/api/schemas/run-status';
import { jsonOperationExamples, parseSseExample, schemaExample, sseExamples } from './spec-examples';

const runExample = schemaExample('RunObject') as Record<string, unknown>;

function schemaFor(json: unknown) {
  const object = (json as { object?: string }).object;
  if (object === 'thread.run') return runSchema;
  if (object === 'thread.run.step') return runStepSchema;
  return undefined;
}

describe('schemas accept the spec examples', () => {
  it('RunObject, RunStepObject and MessageObject', () => {
    expect(runSchema.parse(runExample)).toMatchObject({ id: 'run_abc123', status: 'completed', required_action: null });
    expect(runStepSchema.parse(schemaExample('RunStepObject'))).toMatchObject({
      step_details: { type: 'message_creation', message_creation: { message_id: 'msg_abc123' } },
      metadata: null,
    });
    expect(messageSchema.parse(schemaExample('MessageObject'))).toMatchObject({
      role: 'assistant',
      completed_at: null,
    });
  });

  it('every JSON response example of the runs and steps endpoints', () => {
    const examples = jsonOperationExamples('/threads');
    const checked = examples.filter(({ json }) => {
      const object = (json as { object?: string; data?: { object?: string }[] }).object;
      if (object === 'list') {
        const itemObject = (json as { data: { object?: string }[] }).data[0]?.object;
        if (itemObject === 'thread.run') runListSchema.parse(json);
        else if (itemObject === 'thread.run.step') runStepListSchema.parse(json);
        else return false;
        return true;
      }
      const schema = schemaFor(json);
      schema?.parse(json);
      return schema !== undefined;
    });
    // createThreadAndRun, createRun, getRun, modifyRun, cancelRun, submitToolOutputs,
    // listRuns, listRunSteps, getRunStep
    expect(checked.map((example) => example.title)).toHaveLength(9);
  });

  it('every SSE example, event by event', () => {
    const examples = sseExamples();
    expect(examples.length).toBeGreaterThanOrEqual(5);
    let repaired = 0;
    for (const example of examples) {
      const parsed = parseSseExample(example.response);
      repaired += parsed.repaired;
      const events = parsed.frames.map((frame) =>
        assistantStreamEventSchema.parse(decodeStreamFrame(frame.event, frame.data)),
      );
      expect(events.at(-1)).toEqual({ event: 'done', data: '[DONE]' });
      expect(events.some((event) => event.event === 'unknown')).toBe(false);
    }
    // The typos the examples are known to carry; a change here means the spec copy changed.
    expect(repaired).toBeGreaterThan(0);
  });

  it('parses step deltas with their tool-call index and message deltas', () => {
    const stepDelta = assistantStreamEventSchema.parse({
      event: 'thread.run.step.delta',
      data: {
        id: 'step_001',
        object: 'thread.run.step.delta',
        delta: {
          step_details: {
            type: 'tool_calls',
            tool_calls: [{ index: 0, type: 'function', function: { arguments: '{"' } }],
          },
        },
      },
    });
    expect(stepDelta).toMatchObject({ data: { delta: { step_details: { tool_calls: [{ index: 0 }] } } } });
    const error = assistantStreamEventSchema.parse({ event: 'error', data: { message: 'boom', type: 'server_error' } });
    expect(error).toEqual({ event: 'error', data: { message: 'boom', type: 'server_error', param: null, code: null } });
  });
});

describe('forward compatibility', () => {
  it('keeps fields a newer server adds', () => {
    const run = runSchema.parse({ ...runExample, reasoning_effort: 'high', tool_resources: { code_interpreter: {} } });
    expect(run['reasoning_effort']).toBe('high');
    expect(run['tool_resources']).toEqual({ code_interpreter: {} });
  });

  it('keeps unknown values where they only label something', () => {
    const run = runSchema.parse({
      ...runExample,
      status: 'incomplete',
      incomplete_details: { reason: 'max_reasoning_tokens' },
      last_error: { code: 'quota_exceeded', message: 'Out of credit' },
      truncation_strategy: { type: 'smart', last_messages: null },
    });
    expect(run.incomplete_details?.reason).toBe('max_reasoning_tokens');
    expect(run.last_error?.code).toBe('quota_exceeded');
  });

  it('rejects a run status it does not know: polling and actions decide by it', () => {
    expect(runSchema.safeParse({ ...runExample, status: 'paused' }).success).toBe(false);
  });
});

describe('a wrong type fails, naming the path', () => {
  it('data[3].status in a list page', () => {
    const page = {
      object: 'list',
      data: [0, 1, 2, 3].map((i) => ({ ...runExample, id: `run_${i}`, status: i === 3 ? 7 : 'completed' })),
      first_id: 'run_0',
      last_id: 'run_3',
      has_more: false,
    };
    const result = runListSchema.safeParse(page);
    expect(result.success).toBe(false);
    const error = new RunsSchemaError('listRuns', result.error?.issues ?? [], page);
    expect(error.issues.map((issue) => issue.path)).toEqual([['data', 3, 'status']]);
    expect(error.message).toContain('listRuns: the response does not match the runs API schema.');
    expect(error.message).toMatch(/data\[3\]\.status: .*; got 7/);
  });

  it('inside a union it names the deepest field, not the union', () => {
    const bad = { ...runExample, tool_choice: { type: 'function', function: { name: 42 } } };
    const result = runSchema.safeParse(bad);
    const error = new RunsSchemaError('getRun', result.error?.issues ?? [], bad);
    expect(error.issues.map((issue) => issue.path)).toEqual([['tool_choice', 'function', 'name']]);
  });

  it('a missing required field', () => {
    const { model: _model, ...withoutModel } = runExample;
    const result = runSchema.safeParse(withoutModel);
    expect(result.error?.issues[0]?.path).toEqual(['model']);
  });
});

describe('list pages', () => {
  it('accept null first_id / last_id on an empty page', () => {
    const empty = { object: 'list', data: [], first_id: null, last_id: null, has_more: false };
    expect(listPageSchema(runSchema).parse(empty)).toEqual(empty);
  });
});

describe('run statuses', () => {
  it('terminal: cancelled, failed, completed, incomplete, expired — not requires_action or cancelling', () => {
    expect([...TERMINAL_RUN_STATUSES].sort()).toEqual(['cancelled', 'completed', 'expired', 'failed', 'incomplete']);
    for (const status of RUN_STATUSES) expect(runStatusSchema.parse(status)).toBe(status);
    const terminal = RUN_STATUSES.filter(isTerminalRunStatus);
    expect(terminal.sort()).toEqual([...TERMINAL_RUN_STATUSES].sort());
    expect(isTerminalRunStatus('requires_action')).toBe(false);
    expect(isTerminalRunStatus('cancelling')).toBe(false);
  });
});

describe('ErrorResponse', () => {
  it('fills param and code with null when absent', () => {
    expect(errorResponseSchema.parse({ error: { message: 'No run found', type: 'invalid_request_error' } })).toEqual({
      error: { message: 'No run found', type: 'invalid_request_error', param: null, code: null },
    });
  });
});
