import OpenAI from 'openai';
import OpenAI6 from 'openai6';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createAssistantsRunsClient,
  type ListPage,
  type AssistantsSdk,
  type Run,
  type RunStatus,
  type RunStep,
  type RunsClient,
  type ToolCall,
} from '../../src/core';

// Checked by `tsc --noEmit`; at run time these are no-ops.

describe('types', () => {
  it('instances of openai 7 and openai 6 both fit createAssistantsRunsClient', () => {
    expectTypeOf(new OpenAI({ apiKey: 'x' })).toExtend<AssistantsSdk>();
    expectTypeOf(new OpenAI6({ apiKey: 'x' })).toExtend<AssistantsSdk>();
    expectTypeOf(createAssistantsRunsClient).returns.toEqualTypeOf<RunsClient>();
    // @ts-expect-error — anything without beta.threads.runs is refused
    createAssistantsRunsClient({ beta: {} });
  });

  it('list pages keep nullable cursors', () => {
    expectTypeOf<ListPage<Run>['first_id']>().toEqualTypeOf<string | null>();
    expectTypeOf<ListPage<RunStep>['data']>().toEqualTypeOf<RunStep[]>();
  });

  it('run status is closed; nullable fields are T | null', () => {
    expectTypeOf<Run['status']>().toEqualTypeOf<RunStatus>();
    expectTypeOf<Run['usage']>().toEqualTypeOf<{
      [key: string]: unknown;
      prompt_tokens: number;
      completion_tokens: number;
      total_tokens: number;
    } | null>();
  });

  it('tool calls narrow on type, unknown included', () => {
    expectTypeOf<ToolCall['type']>().toEqualTypeOf<'function' | 'code_interpreter' | 'file_search' | 'unknown'>();
    expectTypeOf<Extract<ToolCall, { type: 'unknown' }>['original_type']>().toEqualTypeOf<string>();
    expectTypeOf<Extract<ToolCall, { type: 'unknown' }>['id']>().toEqualTypeOf<string>();
  });
});
