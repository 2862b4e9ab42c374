import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type OpenAI from 'openai';
import { useMemo, useState } from 'react';
import { RunsProvider, useCreateRun, useRun, useSubmitToolOutputs } from 'runlens';
import { createAssistantsRunsClient } from 'runlens/assistants';

// `openai` is your own client, e.g. new OpenAI({ baseURL: 'http://127.0.0.1:4010/v1',
// apiKey: 'sk-emulator', dangerouslyAllowBrowser: true }) for the emulator.
export function App({ openai, threadId }: { openai: OpenAI; threadId: string }) {
  const [queryClient] = useState(() => new QueryClient());
  // Once per `openai`: a new client each render would restart every query below.
  const runsClient = useMemo(() => createAssistantsRunsClient(openai), [openai]);
  return (
    <QueryClientProvider client={queryClient}>
      <RunsProvider client={runsClient}>
        <WeatherRun threadId={threadId} />
      </RunsProvider>
    </QueryClientProvider>
  );
}

function WeatherRun({ threadId }: { threadId: string }) {
  const createRun = useCreateRun(threadId);
  if (createRun.data) return <RunCard threadId={threadId} runId={createRun.data.id} />;
  return (
    <button disabled={createRun.isPending} onClick={() => createRun.mutate({ assistant_id: 'asst_demo_function_call' })}>
      Start a run
    </button>
  );
}

function RunCard({ threadId, runId }: { threadId: string; runId: string }) {
  // Polls at the server's pace and stops by itself once the run is terminal.
  const { data: run, error, requiresAction, pendingToolCalls } = useRun(threadId, runId);
  const submit = useSubmitToolOutputs(threadId, runId);
  if (error) return <p role="alert">{error.message}</p>;
  if (!run) return <p aria-busy="true">Loading run…</p>;
  const answer = () =>
    submit.mutate({
      tool_outputs: pendingToolCalls.map((call) => ({ tool_call_id: call.id, output: '{"temperature": 21}' })),
    });
  return (
    <section aria-label={`Run ${run.id}`}>
      <p role="status">Status: {run.status}</p>
      {requiresAction && (
        <button disabled={!submit.canSubmit} onClick={answer}>
          Answer {pendingToolCalls.length} tool call(s)
        </button>
      )}
    </section>
  );
}
