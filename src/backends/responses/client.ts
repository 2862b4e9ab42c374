import type { ListParams, RequestOptions, RunsClient, StreamRequestOptions } from '../../api/client.js';
import { checkId, checkListParams, checkMetadata, checkToolOutputs, firstProblem } from '../../api/checks.js';
import { RunsApiError, RunsSchemaError, toRunsError } from '../../api/errors.js';
import { pollAfterMs } from '../../api/payload.js';
import type { AssistantStreamEvent, AssistantTool, CreateRunParams, ListPage, Metadata, Run, RunStep, ToolOutput } from '../../api/schemas/index.js';
import { conversationSchema, outputItemSchema, responseItemListSchema, responseSchema, responseStreamEventSchema, type ResponseObject } from '../../api/schemas/responses/index.js';
import { isAsyncIterable, streamFailure } from '../../api/stream.js';
import { send, type SdkCall, type SdkOptions } from '../send.js';
import { runFromChain } from './chain-run.js';
import { messageFromItem, stepsFromChain, type FunctionOutputs } from './chain-steps.js';
import { pageOf } from '../page-of.js';
import { createChainTranslator } from './stream-translate.js';
import { createMemoryRunIndex, type RunIndex } from './run-index/index.js';

// The Responses API behind the RunsClient interface. A thread is a conversation; a run is a chain
// of background responses (the first one's id is the run id; each function-calling round adds one
// through `previous_response_id`); its steps are the chain's output items. The API lists no
// responses, so runs are recorded in a RunIndex as they are created.
//
// Streams are translated into the Assistants events the query layer applies (stream-translate.ts);
// a cut stream of a background response is picked up where it stopped (`starting_after`).
// Not yet part of any entry; `createThreadRun` answers that conversations are created by the app.

/** The part of an `OpenAI` instance this client calls (openai 6 and 7 both fit). */
export interface ResponsesSdk {
  responses: {
    create(body: object, options?: SdkOptions): SdkCall;
    retrieve(responseId: string, query?: object, options?: SdkOptions): SdkCall;
    cancel(responseId: string, options?: SdkOptions): SdkCall;
    inputItems: { list(responseId: string, query?: object, options?: SdkOptions): SdkCall };
  };
  conversations: {
    retrieve(conversationId: string, options?: SdkOptions): SdkCall;
    items: { retrieve(itemId: string, params: { conversation_id: string }, options?: SdkOptions): SdkCall };
  };
}

/** What an `assistant_id` stands for here: the Responses API has no assistants, a run is configured by its request. */
export interface ResponsesAssistant {
  model: string;
  instructions?: string;
  tools?: AssistantTool[];
  metadata?: Metadata;
}

export interface ResponsesRunsClientOptions {
  /** Where runs are recorded per conversation. @default createMemoryRunIndex() (forgotten on reload) */
  runIndex?: RunIndex;
  /** `assistant_id` → what a run started with it uses (the RunInspector's picker passes these ids). */
  assistants?: Readonly<Record<string, ResponsesAssistant>>;
}

/** Times a cut stream is picked up again before the run is left to polling. */
const MAX_RESUMES = 3;

const backgroundUnsupported = "The Responses API can't change a response's metadata after it is created.";

/** An Assistants tool as the Responses API takes it: a function's fields sit at the top level. */
function responsesToolOf(tool: AssistantTool): object {
  if (tool.type === 'function') return { type: 'function', ...tool.function, strict: tool.function.strict ?? false };
  if (tool.type === 'unknown') return { ...tool, type: tool.original_type };
  return tool;
}

/** `additional_messages` as input items of the first response. */
function inputOf(params: CreateRunParams): object[] {
  return (params.additional_messages ?? []).map((message) => ({ type: 'message', role: message.role, content: message.content }));
}

/**
 * A `RunsClient` over the Responses API through your own `OpenAI` instance.
 *
 * @example
 * const client = createResponsesRunsClient(new OpenAI(), { assistants: { asst_weather: { model: 'gpt-4.1', tools } } });
 */
export function createResponsesRunsClient(openai: ResponsesSdk, options: ResponsesRunsClientOptions = {}): RunsClient {
  const { responses, conversations } = openai;
  const index = options.runIndex ?? createMemoryRunIndex();
  // A response that ended never changes: read once per client.
  const ended = new Map<string, ResponseObject>();
  const endedOutputs = new Map<string, ReadonlyMap<string, string>>();
  // Message item id → its run, learned as steps are listed (a step's message is read from its run's chain).
  const messageRuns = new Map<string, string>();

  const remember = (response: ResponseObject): ResponseObject => {
    if (response.status !== 'queued' && response.status !== 'in_progress') ended.set(response.id, response);
    return response;
  };

  async function retrieve(id: string, requestOptions: RequestOptions | undefined): Promise<{ response: ResponseObject; hint: number | null }> {
    const known = ended.get(id);
    if (known) return { response: known, hint: null };
    const sent = await send('getRun', responseSchema, null, requestOptions, (sdk) => responses.retrieve(id, {}, sdk));
    return { response: remember(sent.data), hint: pollAfterMs(sent.response) };
  }

  /** The run's chain, first response first; a run the index does not know is a chain of one. */
  async function chainOf(runId: string, requestOptions: RequestOptions | undefined): Promise<{ chain: ResponseObject[]; hint: number | null }> {
    const ids = (await index.getChain(runId)) ?? [runId];
    const read = await Promise.all(ids.map((id) => retrieve(id, requestOptions)));
    return { chain: read.map(({ response }) => response), hint: read.at(-1)?.hint ?? null };
  }

  /** The outputs the app sent for the chain's function calls: the input items of each later response. */
  async function outputsOf(chain: readonly ResponseObject[], requestOptions: RequestOptions | undefined): Promise<Map<string, string>> {
    const outputs = new Map<string, string>();
    for (const response of chain.slice(1)) {
      let sent = endedOutputs.get(response.id);
      if (!sent) {
        const items = await send('listRunSteps', responseItemListSchema, null, requestOptions, (sdk) => responses.inputItems.list(response.id, { limit: 100 }, sdk));
        sent = new Map(items.data.data.flatMap((item) => (item.type === 'function_call_output' && typeof item.output === 'string' ? [[item.call_id, item.output] as const] : [])));
        if (ended.has(response.id)) endedOutputs.set(response.id, sent);
      }
      for (const [callId, output] of sent) outputs.set(callId, output);
    }
    return outputs;
  }

  async function stepsOf(threadId: string, runId: string, requestOptions: RequestOptions | undefined): Promise<RunStep[]> {
    const { chain } = await chainOf(runId, requestOptions);
    for (const response of chain) for (const item of response.output) if (item.type === 'message') messageRuns.set(item.id, runId);
    return stepsFromChain(threadId, chain, await outputsOf(chain, requestOptions));
  }

  /** The first response of a run: the body to send, or the problem that keeps it from being sent. */
  function firstResponseOf(threadId: string, params: CreateRunParams): { body: object; problem: RunsApiError | null } {
    const assistant = options.assistants?.[params.assistant_id];
    const model = params.model ?? assistant?.model;
    const problem = firstProblem(
      checkId(threadId, 'thread_id'),
      checkMetadata(params.metadata),
      model
        ? null
        : RunsApiError.beforeSend(
            'model',
            `The Responses API needs a model: pass \`model\`, or map assistant ${JSON.stringify(params.assistant_id)} to one with createResponsesRunsClient(openai, { assistants: { ${JSON.stringify(params.assistant_id)}: { model } } }).`,
          ),
    );
    const tools = params.tools ?? assistant?.tools;
    const instructions = params.instructions ?? assistant?.instructions;
    const body = {
      model,
      conversation: threadId,
      input: inputOf(params),
      ...(instructions != null && { instructions }),
      ...(tools && { tools: tools.map(responsesToolOf) }),
      metadata: { ...assistant?.metadata, ...params.metadata },
      ...(params.temperature != null && { temperature: params.temperature }),
      ...(params.top_p != null && { top_p: params.top_p }),
      ...(params.max_completion_tokens != null && { max_output_tokens: params.max_completion_tokens }),
      ...(params.parallel_tool_calls !== undefined && { parallel_tool_calls: params.parallel_tool_calls }),
    };
    return { body, problem };
  }

  /** The next response of a run: the tool outputs, in the run's conversation (so its transcript holds every round), else after its last response. */
  function nextResponseOf(chain: readonly ResponseObject[], toolOutputs: readonly ToolOutput[]): object {
    const last = chain.at(-1)!;
    const conversationId = chain[0]!.conversation?.id;
    return {
      model: last.model,
      ...(conversationId ? { conversation: conversationId } : { previous_response_id: last.id }),
      input: toolOutputs.map((output) => ({ type: 'function_call_output', call_id: output.tool_call_id, output: output.output })),
      ...(last.tools && { tools: last.tools }),
      ...(last.metadata && { metadata: last.metadata }),
    };
  }

  /**
   * Streams a new response of a run (`previous` are the run's earlier responses) as Assistants
   * events. `onCreated` records it once its id is known. A cut stream is picked up after the last
   * event seen (`starting_after`), so nothing is lost or applied twice; if that fails too, the
   * stream fails as a cut one and the query layer polls instead.
   */
  async function* streamResponse(
    operation: keyof RunsClient,
    threadId: string,
    body: object,
    problem: RunsApiError | null,
    requestOptions: StreamRequestOptions | undefined,
    previous: readonly ResponseObject[],
    outputs: FunctionOutputs,
    onCreated: (response: ResponseObject) => Promise<void>,
  ): AsyncGenerator<AssistantStreamEvent, void, undefined> {
    if (problem) throw problem;
    const signal = requestOptions?.signal;
    const translator = createChainTranslator(threadId, previous, outputs);
    let open = (): SdkCall => responses.create({ ...body, background: true, store: true, stream: true }, { signal });
    let responseId: string | undefined;
    let lastSequence = -1;
    for (let resumes = 0; ; resumes += 1) {
      let stream: unknown;
      try {
        signal?.throwIfAborted();
        stream = await open();
      } catch (error) {
        throw toRunsError(error, signal);
      }
      if (resumes === 0) requestOptions?.onOpen?.();
      if (!isAsyncIterable(stream)) {
        throw new RunsSchemaError(operation, [{ code: 'custom', path: [], message: 'Expected an event stream', input: stream }], stream);
      }
      try {
        for await (const raw of stream) {
          const parsed = responseStreamEventSchema.safeParse(raw);
          if (!parsed.success) throw new RunsSchemaError(operation, parsed.error.issues, raw);
          const event = parsed.data;
          // A resumed stream starts after the last event seen; this guards against a server that repeats.
          if (event.sequence_number <= lastSequence) continue;
          lastSequence = event.sequence_number;
          if (event.type === 'response.created' && responseId === undefined) {
            responseId = event.response.id;
            await onCreated(remember(event.response));
          }
          const emitting = translator.apply(event);
          // Kept before the run's last event goes out: the reader may stop right after it.
          if (event.type === 'response.completed' || event.type === 'response.failed' || event.type === 'response.incomplete') remember(event.response);
          for (const emitted of emitting) {
            // A message written by a stream is then read from its run's chain, like a listed one.
            if (emitted.event.startsWith('thread.message.')) messageRuns.set((emitted.data as { id: string }).id, previous[0]?.id ?? responseId!);
            yield emitted;
          }
        }
        if (signal?.aborted) throw toRunsError(signal.reason, signal);
        return;
      } catch (error) {
        const resumable = responseId !== undefined && !RunsSchemaError.is(error) && !signal?.aborted && resumes < MAX_RESUMES;
        if (!resumable) throw responseId === undefined ? cutBeforeCreated(operation, error, signal) : streamFailure(operation, error, signal);
        const id = responseId!;
        const after = lastSequence;
        open = () => responses.retrieve(id, { stream: true, starting_after: after }, { signal });
      }
    }
  }

  /** Creates one background response of a run's chain. */
  async function createResponse(body: object, problem: RunsApiError | null, requestOptions: RequestOptions | undefined): Promise<ResponseObject> {
    const sent = await send('createRun', responseSchema, problem, requestOptions, (sdk) => responses.create({ ...body, background: true, store: true }, sdk));
    return remember(sent.data);
  }

  return {
    capabilities: {
      updateMetadata: { unsupported: backgroundUnsupported },
      deadlines: { unsupported: 'No deadline: a response waits for its tool outputs until you send them.' },
      // No list endpoint: a list page reads each of its runs' responses.
      listInOneRequest: { unsupported: 'The Responses API lists no responses, so each live run is polled by itself.' },
    },

    async createRun(threadId, params, requestOptions) {
      const { body, problem } = firstResponseOf(threadId, params);
      const response = await createResponse(body, problem, requestOptions);
      await index.recordRun({ runId: response.id, conversationId: threadId, createdAt: response.created_at });
      return runFromChain(threadId, [response]);
    },

    async getRun(threadId, runId, requestOptions) {
      const problem = firstProblem(checkId(threadId, 'thread_id'), checkId(runId, 'run_id'));
      if (problem) throw problem;
      const { chain, hint } = await chainOf(runId, requestOptions);
      return { run: runFromChain(threadId, chain), pollAfterMs: hint };
    },

    async updateRun() {
      throw RunsApiError.beforeSend('metadata', backgroundUnsupported);
    },

    async listRuns(threadId, params, requestOptions) {
      const problem = firstProblem(checkId(threadId, 'thread_id'), checkListParams(params));
      if (problem) throw problem;
      const page = await index.listRuns(threadId, params).catch(asBadRequest);
      // The index knows no runs here: ask the API whether the conversation exists, so a wrong id is a
      // 404 that says so rather than an empty list (one request, on an empty first page only).
      if (page.data.length === 0 && !params?.after && !params?.before) {
        await send('listRuns', conversationSchema, null, requestOptions, (sdk) => conversations.retrieve(threadId, sdk));
      }
      const runs = await Promise.all(page.data.map(async (runId) => runFromChain(threadId, (await chainOf(runId, requestOptions)).chain)));
      return { ...page, data: runs } satisfies ListPage<Run>;
    },

    async submitToolOutputs(threadId, runId, params, requestOptions) {
      const problem = firstProblem(checkId(threadId, 'thread_id'), checkId(runId, 'run_id'), checkToolOutputs(params?.tool_outputs));
      if (problem) throw problem;
      const { chain } = await chainOf(runId, requestOptions);
      const next = await createResponse(nextResponseOf(chain, params.tool_outputs), null, requestOptions);
      await index.appendResponse(runId, next.id);
      return runFromChain(threadId, [...chain, next]);
    },

    async cancelRun(threadId, runId, requestOptions) {
      const problem = firstProblem(checkId(threadId, 'thread_id'), checkId(runId, 'run_id'));
      if (problem) throw problem;
      const { chain } = await chainOf(runId, requestOptions);
      const last = chain.at(-1)!;
      const sent = await send('cancelRun', responseSchema, null, requestOptions, (sdk) => responses.cancel(last.id, sdk));
      return runFromChain(threadId, [...chain.slice(0, -1), remember(sent.data)]);
    },

    async createThreadRun() {
      throw threadRunRefused();
    },

    async getRunStep(threadId, runId, stepId, _params, requestOptions) {
      const problem = firstProblem(checkId(threadId, 'thread_id'), checkId(runId, 'run_id'), checkId(stepId, 'step_id'));
      if (problem) throw problem;
      const step = (await stepsOf(threadId, runId, requestOptions)).find((candidate) => candidate.id === stepId);
      if (!step) throw new RunsApiError({ status: 404, type: 'invalid_request_error', code: null, param: null, requestId: null, detail: `No step ${stepId} in run ${runId}.` });
      return step;
    },

    async listRunSteps(threadId, runId, params, requestOptions) {
      const problem = firstProblem(checkId(threadId, 'thread_id'), checkId(runId, 'run_id'), checkListParams(params));
      if (problem) throw problem;
      const steps = await stepsOf(threadId, runId, requestOptions);
      try {
        return pageOf(steps, params as ListParams | undefined);
      } catch (error) {
        return asBadRequest(error);
      }
    },

    async getMessage(threadId, messageId, requestOptions) {
      const problem = firstProblem(checkId(threadId, 'thread_id'), checkId(messageId, 'message_id'));
      if (problem) throw problem;
      const runId = messageRuns.get(messageId);
      if (runId) {
        // Read from the run's chain: its last response may still be writing the message.
        const { chain } = await chainOf(runId, requestOptions);
        for (const response of chain) {
          const item = response.output.find((candidate) => candidate.type === 'message' && candidate.id === messageId);
          if (item?.type === 'message') return messageFromItem(threadId, runId, item, response.created_at);
        }
      }
      // A message of a run this client has neither listed nor streamed: the conversation has it, but
      // not which run wrote it or when (items carry no time), so those read null and 0.
      const sent = await send('getMessage', outputItemSchema, null, requestOptions, (sdk) => conversations.items.retrieve(messageId, { conversation_id: threadId }, sdk));
      const item = sent.data;
      if (item.type !== 'message') {
        throw new RunsApiError({ status: 404, type: 'invalid_request_error', code: null, param: 'message_id', requestId: null, detail: `Item ${messageId} is a ${item.type}, not a message.` });
      }
      return messageFromItem(threadId, null, item, 0);
    },

    createRunStream(threadId, params, requestOptions) {
      const { body, problem } = firstResponseOf(threadId, params);
      return streamResponse('createRunStream', threadId, body, problem, requestOptions, [], new Map(), (response) =>
        index.recordRun({ runId: response.id, conversationId: threadId, createdAt: response.created_at }),
      );
    },
    createThreadRunStream() {
      return refuseThreadRun();
    },
    async *submitToolOutputsStream(threadId, runId, params, requestOptions) {
      const problem = firstProblem(checkId(threadId, 'thread_id'), checkId(runId, 'run_id'), checkToolOutputs(params?.tool_outputs));
      if (problem) throw problem;
      const { chain } = await chainOf(runId, requestOptions);
      // The calls answered now show their outputs from the stream's first event on.
      const outputs = new Map([...(await outputsOf(chain, requestOptions)), ...params.tool_outputs.map((output) => [output.tool_call_id, output.output] as const)]);
      yield* streamResponse('submitToolOutputsStream', threadId, nextResponseOf(chain, params.tool_outputs), null, requestOptions, chain, outputs, (response) =>
        index.appendResponse(runId, response.id),
      );
    },
  };
}

/**
 * A stream cut before its first event: the server may have started the response, but its id never
 * arrived, so it can be neither followed nor listed (the API lists no responses). Says so.
 */
function cutBeforeCreated(operation: string, error: unknown, signal: AbortSignal | undefined): Error {
  const failure = streamFailure(operation, error, signal);
  if (!RunsApiError.is(failure) || failure.type !== 'connection_error') return failure;
  return RunsApiError.connection(
    `The event stream was cut off before the server said which response it started (${failure.message}). The run may have started, but runlens never learned its id, so it can't follow or list it.`,
    { cause: error },
  );
}

/** A list's RangeError (a bad cursor) as the 400 the API would answer; anything else as it is. */
function asBadRequest(error: unknown): never {
  if (!(error instanceof RangeError)) throw error;
  const param = /'(after|before|limit|order)'/.exec(error.message)?.[1] ?? null;
  throw new RunsApiError({ status: 400, type: 'invalid_request_error', code: null, param, requestId: null, detail: error.message, cause: error });
}

/** Why createThreadRun is refused: conversations are the app's to create. */
function threadRunRefused(): RunsApiError {
  return RunsApiError.beforeSend(
    'thread',
    'The Responses backend runs in a conversation the app creates (openai.conversations.create()); use createRun(conversationId, params).',
  );
}

/** createThreadRunStream refused like createThreadRun: the first `next()` rejects, as a refused stream does. */
async function* refuseThreadRun(): AsyncGenerator<never> {
  throw threadRunRefused();
}
