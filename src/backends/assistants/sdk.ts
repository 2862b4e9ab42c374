import type { Metadata, RunStepInclude, ToolOutput } from '../../api/schemas/index.js';
import type { SdkCall, SdkOptions } from '../send.js';

// The shape of the `openai` SDK that client.ts calls, written structurally so that instances of
// openai 6 and openai 7 both fit. Types only: client.ts stays the one file that calls the SDK.

/**
 * A request body. Left as `object` on purpose: our param types (from the zod schemas) and each SDK
 * major's own param types differ in detail, and the bodies were checked before they get here.
 */
export type SdkBody = object;

export interface ListQuery {
  limit?: number;
  order?: 'asc' | 'desc';
  after?: string;
  before?: string;
}

/** The part of an `OpenAI` instance the runs client calls. */
export interface AssistantsSdk {
  beta: {
    threads: {
      createAndRun(body: SdkBody, options?: SdkOptions): SdkCall;
      messages: {
        retrieve(messageId: string, params: { thread_id: string }, options?: SdkOptions): SdkCall;
      };
      runs: {
        create(threadId: string, params: SdkBody, options?: SdkOptions): SdkCall;
        retrieve(runId: string, params: { thread_id: string }, options?: SdkOptions): SdkCall;
        update(runId: string, params: { thread_id: string; metadata: Metadata }, options?: SdkOptions): SdkCall;
        list(threadId: string, query: ListQuery, options?: SdkOptions): SdkCall;
        cancel(runId: string, params: { thread_id: string }, options?: SdkOptions): SdkCall;
        submitToolOutputs(
          runId: string,
          params: { thread_id: string; tool_outputs: ToolOutput[]; stream?: boolean },
          options?: SdkOptions,
        ): SdkCall;
        steps: {
          retrieve(
            stepId: string,
            params: { thread_id: string; run_id: string; include?: RunStepInclude[] },
            options?: SdkOptions,
          ): SdkCall;
          list(
            runId: string,
            params: ListQuery & { thread_id: string; include?: RunStepInclude[] },
            options?: SdkOptions,
          ): SdkCall;
        };
      };
    };
  };
}
