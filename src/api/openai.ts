import type * as z from 'zod';
import type { ListRunStepsParams, RequestOptions, RunsClient } from './client';
import { RunsSchemaError, toRunsError, type RunsApiError } from './errors';
import {
  messageSchema,
  runListSchema,
  runSchema,
  runStepListSchema,
  runStepSchema,
  type Metadata,
  type RunStepInclude,
  type ToolOutput,
} from './schemas';
import {
  checkCreateRunParams,
  checkCreateThreadRunParams,
  checkId,
  checkListParams,
  checkRunStepInclude,
  checkToolOutputs,
  checkUpdateRunParams,
  firstProblem,
} from './validate';

// The only file that calls the `openai` SDK. Every call goes through `.asResponse()`: list bodies
// keep `first_id`/`last_id` (the SDK's CursorPage drops them) and headers stay readable.

/** What an SDK call returns (an `APIPromise`); only the raw response is used. */
interface SdkCall {
  asResponse(): Promise<Response>;
}
interface SdkOptions {
  signal?: AbortSignal | undefined;
}
/**
 * A request body. Left as `object` on purpose: our param types (from the zod schemas) and each SDK
 * major's own param types differ in detail, and the bodies were checked before they get here.
 */
type SdkBody = object;
interface ListQuery {
  limit?: number;
  order?: 'asc' | 'desc';
  after?: string;
  before?: string;
}

/**
 * The part of an `OpenAI` instance this client calls, written structurally so that instances of
 * openai 6 and openai 7 both fit.
 */
export interface OpenAIRunsSdk {
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
          params: { thread_id: string; tool_outputs: ToolOutput[] },
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

const POLL_AFTER_HEADER = 'openai-poll-after-ms';

function pollAfterMs(response: Response): number | null {
  const raw = response.headers.get(POLL_AFTER_HEADER)?.trim();
  const ms = raw ? Number(raw) : Number.NaN;
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}

/** The list query without the keys left undefined. */
function listQuery({ limit, order, after, before, include }: ListRunStepsParams = {}) {
  return Object.fromEntries(
    Object.entries({ limit, order, after, before, include }).filter(([, value]) => value !== undefined),
  ) as ListQuery & { include?: RunStepInclude[] };
}

function parsePayload<S extends z.ZodType>(operation: string, schema: S, text: string): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RunsSchemaError(
      operation,
      [{ code: 'custom', path: [], message: 'The body is not JSON', input: text }],
      text,
    );
  }
  const result = schema.safeParse(json);
  if (!result.success) throw new RunsSchemaError(operation, result.error.issues, json);
  return result.data;
}

/**
 * Runs the pre-request checks, then the SDK call; maps what it throws and parses what it returns.
 */
async function send<S extends z.ZodType>(
  operation: keyof RunsClient,
  schema: S,
  problem: RunsApiError | null,
  options: RequestOptions | undefined,
  call: (sdkOptions: SdkOptions) => SdkCall,
): Promise<{ data: z.output<S>; response: Response }> {
  if (problem) throw problem;
  const signal = options?.signal;
  let response: Response;
  let text: string;
  try {
    signal?.throwIfAborted();
    response = await call({ signal }).asResponse();
    text = await response.text();
  } catch (error) {
    throw toRunsError(error, signal);
  }
  return { data: parsePayload(operation, schema, text), response };
}

/**
 * A `RunsClient` over the user's own `OpenAI` instance (openai 6 or 7), whatever its `baseURL`:
 * OpenAI, a proxy, or the runlens emulator.
 *
 * @example
 * const client = createOpenAIRunsClient(new OpenAI({ baseURL: 'http://localhost:4010/v1' }));
 * const { run, pollAfterMs } = await client.getRun('thread_abc', 'run_abc', { signal });
 */
export function createOpenAIRunsClient(openai: OpenAIRunsSdk): RunsClient {
  const { threads } = openai.beta;

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
