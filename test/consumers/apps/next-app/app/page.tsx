import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { connection } from 'next/server';
import OpenAI from 'openai';
import { createAssistantsRunsClient, runlensKeys, runQueryOptions, runsInfiniteQueryOptions, type Run } from 'runlens/core';
import { Inspector } from './inspector';
import { RunlensProviders } from './providers';

// A Server Component: prefetches the thread's runs and one run on the server (runlens/core only,
// no React hooks), then hands the cache to the client inspector through HydrationBoundary.
const threadId = 'thread_demo_statuses';
const runId = 'run_demo_completed';

export default async function Page() {
  await connection(); // rendered per request: the emulator is not up at build time
  const baseURL = process.env.RUNLENS_BASE_URL;
  if (!baseURL) throw new Error('RUNLENS_BASE_URL is not set');
  const runs = createAssistantsRunsClient(new OpenAI({ baseURL, apiKey: 'sk-emulator' }));
  const queryClient = new QueryClient();
  await Promise.all([
    queryClient.prefetchInfiniteQuery(runsInfiniteQueryOptions(runs, threadId)),
    queryClient.prefetchQuery(runQueryOptions(runs, threadId, runId)),
  ]);
  const prefetched = queryClient.getQueryData<Run>(runlensKeys.run(threadId, runId));
  return (
    <main>
      <h1>Runs on {threadId}</h1>
      <p data-testid="prefetched">Prefetched on the server: {prefetched ? `${prefetched.id} (${prefetched.status})` : 'nothing'}</p>
      <RunlensProviders baseURL={baseURL}>
        <HydrationBoundary state={dehydrate(queryClient)}>
          <Inspector threadId={threadId} runId={runId} />
        </HydrationBoundary>
      </RunlensProviders>
    </main>
  );
}
