import type { RequestOptions, RunEventStream, RunsClient, StreamRequestOptions } from '../../api/client.js';
import { RunsApiError, RunsSchemaError, toRunsError } from '../../api/errors.js';
import type { AssistantsSdk } from './sdk.js';
import { send, type SdkCall, type SdkOptions } from '../send.js';
import { listQuery, pollAfterMs } from '../../api/payload.js';
import {
  assistantStreamEventSchema,
  messageSchema,
  runListSchema,
  runSchema,
  runStepListSchema,
  runStepSchema,
  type AssistantStreamEvent,
} from '../../api/schemas/index.js';
import { isAsyncIterable, sdkErrorClassesOf, sdkErrorEvent, streamFailure, type SdkErrorClasses } from '../../api/stream.js';
import { checkId, checkListParams, checkRunStepInclude, checkToolOutputs, checkUpdateRunParams, firstProblem } from '../../api/checks.js';
import { checkCreateRunParams, checkCreateThreadRunParams } from '../../api/validate.js';

export type { AssistantsSdk } from './sdk.js';

// The only file that calls the `openai` SDK. Plain calls go through `.asResponse()`: list bodies
// keep `first_id`/`last_id` (the SDK's CursorPage drops them) and headers stay readable. Streamed
// calls pass `stream: true` and read the SDK's own `Stream` (raw events, no accumulation: merging
// deltas is the query layer's job, for every backend alike).

/** Checks one `{ event, data }` item the SDK yielded; a non-conforming event is a RunsSchemaError. */
function checkStreamEvent(operation: string, item: unknown): AssistantStreamEvent {
  const result = assistantStreamEventSchema.safeParse(item);
  if (!result.success) throw new RunsSchemaError(operation, result.error.issues, item);
  return result.data;
}

/**
 * Runs the pre-request checks, opens the SDK stream, then yields each item schema-checked. The
 * SDK throws the backend's `error` event: it is yielded as the event and the stream ends. An abort
 * ends the SDK's iteration quietly, so it is turned back into an `AbortError` here.
 */
async function* streamFrom(
  errorClasses: SdkErrorClasses,
  operation: keyof RunsClient,
  problem: RunsApiError | null,
  options: StreamRequestOptions | undefined,
  call: (sdkOptions: SdkOptions) => SdkCall,
): AsyncGenerator<AssistantStreamEvent, void, undefined> {
  if (problem) throw problem;
  const signal = options?.signal;
  let stream: unknown;
  try {
    signal?.throwIfAborted();
    stream = await call({ signal });
  } catch (error) {
    throw toRunsError(error, signal);
  }
  options?.onOpen?.();
  if (!isAsyncIterable(stream)) {
    throw new RunsSchemaError(operation, [{ code: 'custom', path: [], message: 'Expected an event stream', input: stream }], stream);
  }
  try {
    for await (const item of stream) yield checkStreamEvent(operation, item);
  } catch (error) {
    const event = sdkErrorEvent(error, errorClasses);
    if (event && !signal?.aborted) {
      yield event;
      return;
    }
    throw streamFailure(operation, error, signal);
  }
  if (signal?.aborted) throw toRunsError(signal.reason, signal);
}

/**
 * A `RunsClient` over the user's own `OpenAI` instance (openai 6 or 7), whatever its `baseURL`:
 * OpenAI, a proxy, or the runlens emulator.
 *
 * @example
 * const client = createAssistantsRunsClient(new OpenAI({ baseURL: 'http://localhost:4010/v1' }));
 * const { run, pollAfterMs } = await client.getRun('thread_abc', 'run_abc', { signal });
 */
export function createAssistantsRunsClient(openai: AssistantsSdk): RunsClient {
  const { threads } = openai.beta;
  const errorClasses = sdkErrorClassesOf(openai);

  return {
    async createRun(threadId, params, options) {
      const problem = firstProblem(checkId(threadId, 'thread_id'), checkCreateRunParams(params));
      const sent = await send('createRun', runSchema, problem, options, (sdk) =>
        threads.runs.create(threadId, params, sdk),
      );
      return sent.data;
    },

    async getRun(threadId, runId, options) {
      const problem = firstProblem(checkId(threadId, 'thread_id'), checkId(runId, 'run_id'));
      const { data, response } = await send('getRun', runSchema, problem, options, (sdk) =>
        threads.runs.retrieve(runId, { thread_id: threadId }, sdk),
      );
      return { run: data, pollAfterMs: pollAfterMs(response) };
    },

    async updateRun(threadId, runId, params, options) {
      const problem = firstProblem(
        checkId(threadId, 'thread_id'),
        checkId(runId, 'run_id'),
        checkUpdateRunParams(params),
      );
      const sent = await send('updateRun', runSchema, problem, options, (sdk) =>
        threads.runs.update(runId, { thread_id: threadId, metadata: params.metadata }, sdk),
      );
      return sent.data;
    },

    async listRuns(threadId, params, options) {
      const problem = firstProblem(checkId(threadId, 'thread_id'), checkListParams(params));
      const sent = await send('listRuns', runListSchema, problem, options, (sdk) =>
        threads.runs.list(threadId, listQuery(params), sdk),
      );
      return sent.data;
    },

    async submitToolOutputs(threadId, runId, params, options) {
      const problem = firstProblem(
        checkId(threadId, 'thread_id'),
        checkId(runId, 'run_id'),
        checkToolOutputs(params?.tool_outputs),
      );
      const sent = await send('submitToolOutputs', runSchema, problem, options, (sdk) =>
        threads.runs.submitToolOutputs(runId, { thread_id: threadId, tool_outputs: params.tool_outputs }, sdk),
      );
      return sent.data;
    },

    async cancelRun(threadId, runId, options) {
      const problem = firstProblem(checkId(threadId, 'thread_id'), checkId(runId, 'run_id'));
      const sent = await send('cancelRun', runSchema, problem, options, (sdk) =>
        threads.runs.cancel(runId, { thread_id: threadId }, sdk),
      );
      return sent.data;
    },

    async createThreadRun(params, options) {
      const problem = checkCreateThreadRunParams(params);
      const sent = await send('createThreadRun', runSchema, problem, options, (sdk) =>
        threads.createAndRun(params, sdk),
      );
      return sent.data;
    },

    createRunStream(threadId, params, options): RunEventStream {
      const problem = firstProblem(checkId(threadId, 'thread_id'), checkCreateRunParams(params));
      return streamFrom(errorClasses, 'createRunStream', problem, options, (sdk) =>
        threads.runs.create(threadId, { ...params, stream: true }, sdk),
      );
    },

    createThreadRunStream(params, options): RunEventStream {
      return streamFrom(errorClasses, 'createThreadRunStream', checkCreateThreadRunParams(params), options, (sdk) =>
        threads.createAndRun({ ...params, stream: true }, sdk),
      );
    },

    submitToolOutputsStream(threadId, runId, params, options): RunEventStream {
      const problem = firstProblem(
        checkId(threadId, 'thread_id'),
        checkId(runId, 'run_id'),
        checkToolOutputs(params?.tool_outputs),
      );
      return streamFrom(errorClasses, 'submitToolOutputsStream', problem, options, (sdk) =>
        threads.runs.submitToolOutputs(
          runId,
          { thread_id: threadId, tool_outputs: params.tool_outputs, stream: true },
          sdk,
        ),
      );
    },

    async getRunStep(threadId, runId, stepId, params, options) {
      const include = params?.include;
      const problem = firstProblem(
        checkId(threadId, 'thread_id'),
        checkId(runId, 'run_id'),
        checkId(stepId, 'step_id'),
        checkRunStepInclude(include),
      );
      const sent = await send('getRunStep', runStepSchema, problem, options, (sdk) =>
        threads.runs.steps.retrieve(stepId, { thread_id: threadId, run_id: runId, ...(include && { include }) }, sdk),
      );
      return sent.data;
    },

    async listRunSteps(threadId, runId, params, options) {
      const problem = firstProblem(checkId(threadId, 'thread_id'), checkId(runId, 'run_id'), checkListParams(params));
      const sent = await send('listRunSteps', runStepListSchema, problem, options, (sdk) =>
        threads.runs.steps.list(runId, { thread_id: threadId, ...listQuery(params) }, sdk),
      );
      return sent.data;
    },

    async getMessage(threadId, messageId, options) {
      const problem = firstProblem(checkId(threadId, 'thread_id'), checkId(messageId, 'message_id'));
      const sent = await send('getMessage', messageSchema, problem, options, (sdk) =>
        threads.messages.retrieve(messageId, { thread_id: threadId }, sdk),
      );
      return sent.data;
    },
  };
}
