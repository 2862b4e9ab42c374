import type {
  AssistantStreamEvent,
  CreateRunParams,
  CreateThreadRunParams,
  ListPage,
  Message,
  Metadata,
  Run,
  RunStep,
  RunStepInclude,
  ToolOutput,
} from './schemas/index.js';
import type { RunsCapabilities } from './capabilities.js';

/** Every call takes an optional signal; aborting rejects with an `AbortError`-like error. */
export interface RequestOptions {
  signal?: AbortSignal;
}

/** Options of the streaming calls. */
export interface StreamRequestOptions extends RequestOptions {
  /** Called once the stream's response has arrived, before its first event (a stall watchdog starts here). */
  onOpen?: () => void;
}

/** Cursor parameters shared by every list call. `after`/`before` are object ids. */
export interface ListParams {
  /** 1–100. @default 20 */
  limit?: number;
  /** @default 'desc' */
  order?: 'asc' | 'desc';
  after?: string;
  before?: string;
}

export interface ListRunStepsParams extends ListParams {
  include?: RunStepInclude[];
}

/** A run plus the backend's hint for when to look again. */
export interface RunWithPollHint {
  run: Run;
  /** The server's `openai-poll-after-ms` header, when it sent one. */
  pollAfterMs: number | null;
}

/**
 * A run's events as they happen, each checked against `assistantStreamEventSchema`:
 * `thread.run.*` carry the run, `thread.run.step.*` and `thread.message.*` full objects, the
 * `.delta` events only what changed (merge them by `index`). It ends after the run reaches
 * `requires_action` or a terminal status (a `done` event may come last), or after an `error`
 * event. A refused request (e.g. 400) rejects the first `next()`; a cut connection rejects with a
 * RunsApiError of type `connection_error`; aborting the signal rejects with an `AbortError`.
 * Breaking out of `for await` closes the connection.
 */
export type RunEventStream = AsyncIterable<AssistantStreamEvent>;

/**
 * The boundary to a runs backend. Everything above `src/api/` talks to this interface only,
 * so an Assistants server, a Responses-API adapter or a replay of recorded runs can sit behind it.
 * Every result is schema-checked; list results keep `first_id`, `last_id` and `has_more`.
 */
export interface RunsClient {
  /**
   * What this backend can do beyond reading runs (see `RunsCapabilities`); any left out are taken
   * as supported, so a client written for the Assistants API declares none.
   */
  readonly capabilities?: Partial<RunsCapabilities>;
  createRun(threadId: string, params: CreateRunParams, options?: RequestOptions): Promise<Run>;
  getRun(threadId: string, runId: string, options?: RequestOptions): Promise<RunWithPollHint>;
  updateRun(
    threadId: string,
    runId: string,
    params: { metadata: Metadata },
    options?: RequestOptions,
  ): Promise<Run>;
  listRuns(threadId: string, params?: ListParams, options?: RequestOptions): Promise<ListPage<Run>>;
  submitToolOutputs(
    threadId: string,
    runId: string,
    params: { tool_outputs: ToolOutput[] },
    options?: RequestOptions,
  ): Promise<Run>;
  cancelRun(threadId: string, runId: string, options?: RequestOptions): Promise<Run>;
  createThreadRun(params: CreateThreadRunParams, options?: RequestOptions): Promise<Run>;
  getRunStep(
    threadId: string,
    runId: string,
    stepId: string,
    params?: { include?: RunStepInclude[] },
    options?: RequestOptions,
  ): Promise<RunStep>;
  listRunSteps(
    threadId: string,
    runId: string,
    params?: ListRunStepsParams,
    options?: RequestOptions,
  ): Promise<ListPage<RunStep>>;
  /** `createRun`, streamed: starts with `thread.run.created`. */
  createRunStream(threadId: string, params: CreateRunParams, options?: StreamRequestOptions): RunEventStream;
  /** `createThreadRun`, streamed: starts with `thread.created`, then `thread.run.created`. */
  createThreadRunStream(params: CreateThreadRunParams, options?: StreamRequestOptions): RunEventStream;
  /** `submitToolOutputs`, streamed: the run's events from the submission on (`requires_action` ends the last stream). */
  submitToolOutputsStream(
    threadId: string,
    runId: string,
    params: { tool_outputs: ToolOutput[] },
    options?: StreamRequestOptions,
  ): RunEventStream;
  /** The message a `message_creation` step wrote (its text is what a run UI shows for that step). */
  getMessage(threadId: string, messageId: string, options?: RequestOptions): Promise<Message>;
}
