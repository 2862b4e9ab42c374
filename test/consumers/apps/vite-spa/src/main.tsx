import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import OpenAI from 'openai';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RunsProvider } from 'runlens';
import { createAssistantsRunsClient } from 'runlens/assistants';
import { demoIds } from 'runlens/emulator';
import { createReplayRunsClient } from 'runlens/replay';
import { RunBundleViewer, RunInspector } from 'runlens/ui';
import 'runlens/styles.css';

declare global {
  interface Window {
    /** Where the emulator listens, if the page is not given `?baseURL=`. */
    RUNLENS_BASE_URL?: string;
  }
}

// ?baseURL=http://127.0.0.1:4010/v1&thread=<a key of demoIds.threads, or a thread id>
// ?viewer: no backend at all, only "Open file" for a run exported with "Download JSON".
const params = new URLSearchParams(window.location.search);
const baseURL = params.get('baseURL') ?? window.RUNLENS_BASE_URL ?? 'http://127.0.0.1:4010/v1';
const threadParam = params.get('thread') ?? 'statuses';
const threadId = (demoIds.threads as Record<string, string>)[threadParam] ?? threadParam;

const runsClient = createAssistantsRunsClient(new OpenAI({ baseURL, apiKey: 'sk-emulator', dangerouslyAllowBrowser: true }));
const queryClient = new QueryClient();
const assistants = [
  { id: demoIds.assistants.message, name: 'Concise helper' },
  { id: demoIds.assistants.function_call, name: 'Weather bot' },
  { id: demoIds.assistants.slow, name: 'Slow thinker' },
];

const viewer = (
  <main>
    <h1>Exported run</h1>
    <RunBundleViewer createClient={createReplayRunsClient} />
  </main>
);

createRoot(document.getElementById('root')!).render(
  params.has('viewer') ? (
    <StrictMode>{viewer}</StrictMode>
  ) : (
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RunsProvider client={runsClient}>
        <main>
          <h1>Runs on {threadId}</h1>
          <RunInspector threadId={threadId} assistants={assistants} />
        </main>
      </RunsProvider>
    </QueryClientProvider>
  </StrictMode>
  ),
);
