'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import OpenAI from 'openai';
import { useState, type ReactNode } from 'react';
import { RunsProvider } from 'runlens';
import { createAssistantsRunsClient } from 'runlens/assistants';

/** The browser's QueryClient and runs client (the OpenAI SDK, pointed at the emulator), one per page load. */
export function RunlensProviders({ baseURL, children }: { baseURL: string; children: ReactNode }) {
  // As TanStack's SSR guide recommends: a staleTime above 0, so hydrated data is not refetched at once.
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } }));
  const [runsClient] = useState(() =>
    createAssistantsRunsClient(new OpenAI({ baseURL, apiKey: 'sk-emulator', dangerouslyAllowBrowser: true })),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <RunsProvider client={runsClient}>{children}</RunsProvider>
    </QueryClientProvider>
  );
}
