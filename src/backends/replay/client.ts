import type { RunBundle } from '../../api/bundle/types.js';
import type { RunsCapabilities } from '../../api/capabilities.js';
import type { ListParams, RunsClient } from '../../api/client.js';
import { checkId, checkListParams, firstProblem } from '../../api/checks.js';
import { RunsApiError } from '../../api/errors.js';
import { RUN_STEP_INCLUDE_FILE_SEARCH_CONTENT, type RunStepInclude } from '../../api/schemas/run-step-include.js';
import type { ListPage, RunStep } from '../../api/schemas/index.js';
import { pageOf } from '../page-of.js';
import { parseRunBundle } from './parse.js';
import { createPlayback, finalState, type ReplayState } from './playback.js';

export interface ReplayOptions {
  /**
   * Replay the run as it happened, this many times faster (1, 10, any number > 0): reads show the
   * run `elapsed × speed` ms in, from its recorded events or else its timestamps. The clock starts
   * at the first read. Omitted: every read shows the exported final state.
   */
  speed?: number;
  /** The clock, in ms. @default Date.now */
  now?: () => number;
}

/** A read-only `RunsClient` over one exported run. */
export interface ReplayRunsClient extends RunsClient {
  /** The run's thread: the only thread this client knows. */
  readonly threadId: string;
  readonly runId: string;
  /** The bundle, as checked by `parseRunBundle`. */
  readonly bundle: RunBundle;
  /** Reads only: every action is `{ unsupported }`, with the reason. */
  readonly capabilities: Partial<RunsCapabilities>;
}

const readOnly = 'A replay of an exported run is read-only.';

/** The 404 the Assistants API answers for an unknown id: `No run found with id 'run_x'.` */
function notFound(kind: 'thread' | 'run' | 'run step' | 'message', id: string): RunsApiError {
  return new RunsApiError({ status: 404, type: 'invalid_request_error', code: null, param: null, requestId: null, detail: `No ${kind} found with id '${id}'.` });
}

/** What every write call rejects with. */
function refused(operation: string): RunsApiError {
  return new RunsApiError({ status: 405, type: 'invalid_request_error', code: 'read_only', param: null, requestId: null, detail: `${readOnly} ${operation} is not available; open the run on its backend to change it.` });
}

/** A write call's stream: its first `next()` rejects, as a refused stream does. */
async function* refusedStream(operation: string): AsyncGenerator<never> {
  throw refused(operation);
}

/** A step as the API sends it without `include`: file-search results without their text. Memoized per step. */
const withoutContent = new WeakMap<RunStep, RunStep>();
function stepWithout(step: RunStep): RunStep {
  if (step.step_details.type !== 'tool_calls') return step;
  const calls = step.step_details.tool_calls;
  if (!calls.some((call) => call.type === 'file_search' && call.file_search.results?.some((result) => result.content !== undefined))) return step;
  let stripped = withoutContent.get(step);
  if (!stripped) {
    const tool_calls = calls.map((call) =>
      call.type === 'file_search' && call.file_search.results
        ? { ...call, file_search: { ...call.file_search, results: call.file_search.results.map(({ content: _content, ...result }) => result) } }
        : call,
    );
    stripped = { ...step, step_details: { ...step.step_details, tool_calls } };
    withoutContent.set(step, stripped);
  }
  return stripped;
}

const includesContent = (include: readonly RunStepInclude[] | undefined) => include?.includes(RUN_STEP_INCLUDE_FILE_SEARCH_CONTENT) ?? false;

/** A page, or the 400 the API answers for a cursor not in the list (the emulator's words). */
function pageOrBadRequest<T extends { id: string }>(items: readonly T[], params: ListParams | undefined): ListPage<T> {
  try {
    return pageOf(items, params);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const param = params?.after !== undefined && !items.some((item) => item.id === params.after) ? 'after' : 'before';
    const id = param === 'after' ? params!.after : params!.before;
    throw new RunsApiError({ status: 400, type: 'invalid_request_error', code: 'invalid_value', param, requestId: null, detail: `Invalid '${param}': no object with id '${id}' in this list.`, cause: error });
  }
}

/**
 * A `RunsClient` over an exported run (a `RunBundle`, or its parsed JSON: it is checked with
 * `parseRunBundle`). It serves the run, its steps and messages with the API's paging and 404s;
 * every write rejects (its capabilities say why). With `speed`, it replays the run as it happened.
 *
 * @example
 * const client = createReplayRunsClient(JSON.parse(await file.text()), { speed: 10 });
 * <RunsProvider client={client}><RunInspector threadId={client.threadId} /></RunsProvider>
 */
export function createReplayRunsClient(bundle: unknown, options: ReplayOptions = {}): ReplayRunsClient {
  const checked = parseRunBundle(bundle);
  const { speed } = options;
  if (speed !== undefined && !(Number.isFinite(speed) && speed > 0)) throw new RangeError(`speed must be a number above 0 (1 = as it happened); got ${String(speed)}.`);
  const threadId = checked.run.thread_id;
  const runId = checked.run.id;
  const final = finalState(checked);
  const playback = speed === undefined ? null : createPlayback(checked, speed, options.now ?? Date.now);
  const pollAfterMs = speed === undefined ? null : Math.max(25, Math.round(250 / speed));

  /** The state now, after checking the ids a call names. */
  function stateFor(thread: string, run?: string): ReplayState {
    const problem = firstProblem(checkId(thread, 'thread_id'), run === undefined ? null : checkId(run, 'run_id'));
    if (problem) throw problem;
    if (thread !== threadId) throw notFound('thread', thread);
    if (run !== undefined && run !== runId) throw notFound('run', run);
    return playback ? playback.read() : final;
  }

  const stepsAsSent = (steps: readonly RunStep[], include: readonly RunStepInclude[] | undefined) => (includesContent(include) ? steps : steps.map(stepWithout));

  return {
    threadId,
    runId,
    bundle: checked,
    capabilities: {
      updateMetadata: { unsupported: readOnly },
      cancel: { unsupported: readOnly },
      createRun: { unsupported: readOnly },
      submitToolOutputs: { unsupported: readOnly },
      deadlines: { unsupported: readOnly },
      listBothWays: true,
      listInOneRequest: true,
    },

    async getRun(thread, run) {
      const state = stateFor(thread, run);
      return { run: state.run, pollAfterMs: state.ended ? null : pollAfterMs };
    },

    async listRuns(thread, params) {
      const problem = checkListParams(params);
      if (problem) throw problem;
      return pageOrBadRequest([stateFor(thread).run], params);
    },

    async listRunSteps(thread, run, params) {
      const problem = checkListParams(params);
      if (problem) throw problem;
      const page = pageOrBadRequest(stateFor(thread, run).steps, params);
      return includesContent(params?.include) ? page : { ...page, data: page.data.map(stepWithout) };
    },

    async getRunStep(thread, run, stepId, params) {
      const problem = checkId(stepId, 'step_id');
      if (problem) throw problem;
      const state = stateFor(thread, run);
      const at = state.stepIndex.get(stepId);
      if (at === undefined) throw notFound('run step', stepId);
      return stepsAsSent([state.steps[at]!], params?.include)[0]!;
    },

    async getMessage(thread, messageId) {
      const problem = checkId(messageId, 'message_id');
      if (problem) throw problem;
      const message = stateFor(thread).messages.get(messageId);
      if (!message) throw notFound('message', messageId);
      return message;
    },

    createRun: async () => Promise.reject(refused('createRun')),
    createThreadRun: async () => Promise.reject(refused('createThreadRun')),
    updateRun: async () => Promise.reject(refused('updateRun')),
    submitToolOutputs: async () => Promise.reject(refused('submitToolOutputs')),
    cancelRun: async () => Promise.reject(refused('cancelRun')),
    createRunStream: () => refusedStream('createRunStream'),
    createThreadRunStream: () => refusedStream('createThreadRunStream'),
    submitToolOutputsStream: () => refusedStream('submitToolOutputsStream'),
  };
}
