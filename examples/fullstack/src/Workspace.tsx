import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import OpenAI from 'openai';
import { useId, useState } from 'react';
import { RunsProvider } from 'runlens';
import { createAssistantsRunsClient } from 'runlens/assistants';
import { RunInspector } from 'runlens/ui';
import type { DemoThread } from './session-api';

// The SDK talks to the proxy on this page's own origin; the browser sends the session cookie with
// every call, and the proxy adds the real key upstream. The apiKey here is a placeholder the proxy
// drops: the SDK insists on one.
const openai = new OpenAI({
  baseURL: new URL('/api/openai/v1', window.location.origin).href,
  apiKey: 'unused-in-browser',
  dangerouslyAllowBrowser: true,
});
const runsClient = createAssistantsRunsClient(openai);

// The emulator's seeded assistants (reading an assistant is one of the routes the proxy forwards).
const assistants = [
  { id: 'asst_demo_function_call', name: 'Weather bot (asks for tool outputs)' },
  { id: 'asst_demo_message', name: 'Concise helper' },
  { id: 'asst_demo_slow', name: 'Slow thinker (to cancel)' },
];

/** One signed-in user's view: their threads, and the inspector on the one picked. */
export function Workspace({ threads }: { threads: DemoThread[] }) {
  // A cache per user (the parent keys this component by user): nothing of one user's runs lingers for the next.
  const [queryClient] = useState(() => new QueryClient());
  const [threadId, setThreadId] = useState(threads[0]?.id ?? '');
  const pickerId = useId();
  return (
    <QueryClientProvider client={queryClient}>
      <RunsProvider client={runsClient}>
        <div className="demo-thread-picker">
          <label htmlFor={pickerId}>Thread</label>
          <select id={pickerId} value={threadId} onChange={(event) => setThreadId(event.target.value)}>
            {threads.map((thread) => (
              <option key={thread.id} value={thread.id}>
                {thread.title} · {thread.id}
              </option>
            ))}
          </select>
        </div>
        {threadId && <RunInspector key={threadId} threadId={threadId} assistants={assistants} />}
      </RunsProvider>
    </QueryClientProvider>
  );
}
