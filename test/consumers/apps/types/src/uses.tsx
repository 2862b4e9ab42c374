// Every entry of the package, used the way an app would. Must typecheck under NodeNext and Bundler.
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import OpenAI from 'openai';
import type { ReactElement } from 'react';
import {
  RunsApiError,
  RunsProvider,
  runlensKeys,
  useCancelRun,
  useCreateRun,
  useRun,
  useRuns,
  useSubmitToolOutputs,
  type Run,
  type RunStatus,
  type RunsClient,
} from 'runlens';
import { createAssistantsRunsClient, type AssistantsSdk } from 'runlens/assistants';
import * as core from 'runlens/core';
import { createLocalStorageRunIndex, createResponsesRunsClient, type RunIndex } from 'runlens/responses';
import { RunList, RunStatus as RunStatusParts, ToolOutputsForm } from 'runlens/primitives';
import { createEmulator, createManualClock, demoIds, scenarioNames, type Emulator, type ScenarioName } from 'runlens/emulator';
import { serveEmulator, type ServedEmulator } from 'runlens/emulator/node';
import { RunInspector, RunStatusBadge, type RunInspectorProps } from 'runlens/ui';

// runlens/emulator + runlens/emulator/node: a manual clock, the Fetch handler, the HTTP server.
export const emulator: Emulator = createEmulator({ clock: createManualClock(Date.UTC(2026, 0, 1)), seed: true });
export async function serve(): Promise<ServedEmulator> {
  const served = await serveEmulator(emulator, { port: 0 });
  const url: string = served.url;
  void url;
  return served;
}
const scenario: ScenarioName = scenarioNames[0]!;
const assistantId: string = demoIds.assistants.function_call;
void scenario;

// runlens/core: the client and query layer with a QueryClient, no React.
export async function loader(queryClient: QueryClient): Promise<RunStatus | undefined> {
  const openai = new OpenAI({ apiKey: 'sk-emulator', baseURL: 'http://127.0.0.1:4010/v1', fetch: emulator.fetch });
  const client: core.RunsClient = core.createAssistantsRunsClient(openai);
  const run: Run = await queryClient.fetchQuery(core.runQueryOptions(client, demoIds.threads.statuses, demoIds.runs.completed));
  const status: RunStatus = run.status;
  await queryClient.prefetchInfiniteQuery(core.runsInfiniteQueryOptions(client, demoIds.threads.statuses, { limit: 10 }));
  // The option factories' keys carry the data type (TanStack's DataTag): no cast needed.
  const cached = queryClient.getQueryData(core.runQueryOptions(client, demoIds.threads.statuses, demoIds.runs.completed).queryKey);
  const cachedId: string | undefined = cached?.id;
  void cachedId;
  const state = queryClient.getQueryState(core.runlensKeys.run(demoIds.threads.statuses, demoIds.runs.completed));
  void state?.dataUpdatedAt;
  const page = await client.listRuns(demoIds.threads.statuses, { limit: 5, order: 'asc' });
  const ids: string[] = page.data.map((item) => item.id);
  void ids;
  const sameKeys: readonly unknown[] = runlensKeys.thread('t');
  void sameKeys;
  return status;
}

// runlens: hooks inside the providers.
function RunCard({ threadId, runId }: { threadId: string; runId: string }): ReactElement {
  const { data, error, isTerminal, requiresAction, pendingToolCalls, expiresInMs } = useRun(threadId, runId);
  const submit = useSubmitToolOutputs(threadId, runId);
  const cancel = useCancelRun(threadId, runId);
  const status: RunStatus | undefined = data?.status;
  const message: string | undefined = error instanceof RunsApiError ? `${error.status} ${error.message}` : error?.message;
  const left: number | null = expiresInMs;
  const answer = () =>
    submit.mutate({ tool_outputs: pendingToolCalls.map((call) => ({ tool_call_id: call.id, output: '{"temperature": 21}' })) });
  return (
    <section aria-label={`Run ${runId}`}>
      {status && <RunStatusParts.Root status={status} />}
      {status && <RunStatusBadge status={status} />}
      {message && <p role="alert">{message}</p>}
      <p>{isTerminal ? 'done' : left === null ? 'no deadline' : `${left} ms left`}</p>
      {requiresAction && (
        <button disabled={!submit.canSubmit} onClick={answer}>
          Answer {pendingToolCalls.length}
        </button>
      )}
      <button onClick={() => cancel.mutate()}>Cancel</button>
    </section>
  );
}

function Runs({ threadId }: { threadId: string }): ReactElement {
  const { runs, fetchNextPage, hasNextPage } = useRuns(threadId, { limit: 10 });
  const create = useCreateRun(threadId, { stream: true });
  const title = useQuery({ queryKey: ['title'], queryFn: () => Promise.resolve('Runs') });
  return (
    <div>
      <h2>{title.data}</h2>
      <RunList.Root runs={runs} onValueChange={(id: string) => void id}>
        <RunList.Items>{(run: Run) => <RunList.Item run={run} />}</RunList.Items>
      </RunList.Root>
      {hasNextPage && <button onClick={() => void fetchNextPage()}>Older</button>}
      <button onClick={() => create.mutate({ assistant_id: assistantId })}>Start</button>
      {create.data && <RunCard threadId={threadId} runId={create.data.id} />}
    </div>
  );
}

const inspectorProps: RunInspectorProps = { threadId: 't', assistants: [{ id: assistantId, name: 'Weather bot' }] };

export function App({ openai, client }: { openai: OpenAI; client?: RunsClient }): ReactElement {
  const queryClient = new QueryClient();
  const runsClient: RunsClient = client ?? createAssistantsRunsClient(openai);
  return (
    <QueryClientProvider client={queryClient}>
      <RunsProvider client={createAssistantsRunsClient(openai satisfies AssistantsSdk)}>
        <RunInspector threadId="t" />
        <RunInspector {...inspectorProps} />
        <Runs threadId="t" />
      </RunsProvider>
      <RunsProvider client={runsClient}>
        <ToolOutputsForm.Root toolCalls={[]} onSubmit={(outputs) => void outputs.length} />
      </RunsProvider>
    </QueryClientProvider>
  );
}

// runlens/responses: the Responses API backend, its runs listed from a localStorage index.
export function responsesClient(openai: OpenAI): RunsClient {
  const runIndex: RunIndex = createLocalStorageRunIndex({ key: 'app.runs', onError: (error) => console.warn(error) });
  return createResponsesRunsClient(openai, { runIndex, assistants: { asst_weather: { model: 'gpt-4.1', instructions: 'Answer briefly.' } } });
}

// runlens/proxy + runlens/proxy/node: the server side, with an authorize hook and a store.
import { createMemoryProxyStore, createPgliteProxyStore, createRunsProxy, type AuthorizeResult, type ProxyStore, type RunsProxy } from 'runlens/proxy';
import { serveProxy, toNodeListener } from 'runlens/proxy/node';
import { createProxyRunIndex } from 'runlens/responses';
export async function proxyServer(): Promise<string> {
  const store: ProxyStore = process.env.DATA_DIR ? await createPgliteProxyStore({ dataDir: process.env.DATA_DIR }) : createMemoryProxyStore();
  const proxy: RunsProxy = createRunsProxy({
    upstream: { baseURL: 'https://api.openai.com/v1', apiKey: 'sk-server' },
    basePath: '/api/openai',
    backend: 'responses',
    store,
    authorize: ({ request }): AuthorizeResult => {
      const user = request.headers.get('x-user');
      return user ? { allow: true, user } : { allow: false, reason: 'Sign in first.', status: 401 };
    },
  });
  await store.recordOwner('conversation', 'conv_1', 'alice');
  const listener: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void = toNodeListener(proxy);
  void listener;
  const served = await serveProxy(proxy, { port: 0 });
  const index = createProxyRunIndex({ baseURL: '/api/openai' });
  void index;
  return served.url;
}

// runlens/replay: an exported run opened with no backend (read-only), replayed at 10×.
import { createReplayRunsClient, parseRunBundle, RunBundleError, type ReplayRunsClient, type RunBundle } from 'runlens/replay';
import { collectRunBundle, createRunEventRecorder, runBundleFileName } from 'runlens';
import { runBundleToMarkdown } from 'runlens/primitives';
export async function exportAndReplay(client: RunsClient, text: string): Promise<string> {
  const recorder = createRunEventRecorder();
  void recorder.record(client.createRunStream('t', { assistant_id: 'a' }));
  const bundle: RunBundle = await collectRunBundle(client, 't', 'r', { events: recorder.events, onProgress: (loaded: number) => void loaded });
  try {
    const replay: ReplayRunsClient = createReplayRunsClient(parseRunBundle(JSON.parse(text)), { speed: 10 });
    void replay.threadId;
  } catch (error) {
    if (error instanceof RunBundleError) return error.path;
  }
  return `${runBundleFileName(bundle)}\n${runBundleToMarkdown(bundle)}`;
}

// The trace: a deep-linked selection, and an exported file opened with the replay client.
import { RunBundleViewer, type RunInspectorSelection } from 'runlens/ui';
export function DeepLinkedInspector({ run, step, go }: { run: string | null; step: string | null; go(selection: RunInspectorSelection): void }) {
  return (
    <>
      <RunInspector threadId="t" selectedRunId={run} selectedStepId={step} onSelectionChange={(selection) => go({ runId: selection.runId, stepId: selection.stepId })} />
      <RunBundleViewer createClient={createReplayRunsClient} speeds={[1, 10]} />
    </>
  );
}
