import { runSchema, type Run } from '../../src/api/schemas';

/** A schema-valid run, `in_progress` unless overridden; times in unix seconds. */
export function makeRun(patch: Partial<Run> = {}): Run {
  return runSchema.parse({
    id: 'run_1',
    object: 'thread.run',
    created_at: 1_700_000_000,
    thread_id: 'thread_1',
    assistant_id: 'asst_1',
    status: 'in_progress',
    required_action: null,
    last_error: null,
    expires_at: 1_700_000_600,
    started_at: 1_700_000_001,
    cancelled_at: null,
    failed_at: null,
    completed_at: null,
    incomplete_details: null,
    model: 'gpt-4o',
    instructions: null,
    tools: [],
    metadata: {},
    usage: null,
    temperature: 1,
    top_p: 1,
    max_prompt_tokens: null,
    max_completion_tokens: null,
    truncation_strategy: { type: 'auto', last_messages: null },
    tool_choice: 'auto',
    parallel_tool_calls: true,
    response_format: 'auto',
    ...patch,
  });
}

export function requiresActionRun(callIds: string[], patch: Partial<Run> = {}): Run {
  return makeRun({
    status: 'requires_action',
    required_action: {
      type: 'submit_tool_outputs',
      submit_tool_outputs: {
        tool_calls: callIds.map((id) => ({ id, type: 'function', function: { name: 'f', arguments: '{}' } })),
      },
    },
    ...patch,
  });
}
