import { act, screen } from '@testing-library/react';
import { dehydrate, HydrationBoundary, QueryClient, QueryClientProvider, type DehydratedState } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runQueryOptions, runsInfiniteQueryOptions } from '../../src/core';
import { backends, demoOn } from '../react/harness';
import { RunsProvider } from '../../src/react/RunsProvider';
import { RunInspector } from '../../src/ui';
import { setup, type Harness } from './inspector-harness';

// Server rendering with data prefetched through the React-free entry, then hydration in another
// time zone: the HTML already shows the run, and hydration finds nothing to fix (no mismatch).

const roots: Root[] = [];
const zone = process.env.TZ;
afterEach(() => {
  for (const root of roots.splice(0)) act(() => root.unmount());
  document.body.innerHTML = '';
  process.env.TZ = zone;
});

function Providers({ h, queryClient, state, children }: { h: Harness; queryClient: QueryClient; state: DehydratedState; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <RunsProvider client={h.client} polling={h.polling}>
        <HydrationBoundary state={state}>{children}</HydrationBoundary>
      </RunsProvider>
    </QueryClientProvider>
  );
}

async function serverRender(h: Harness, threadId: string, runId: string) {
  const server = new QueryClient();
  await server.prefetchInfiniteQuery(runsInfiniteQueryOptions(h.client, threadId));
  await server.prefetchQuery(runQueryOptions(h.client, threadId, runId, { polling: h.polling }));
  const state = dehydrate(server);
  process.env.TZ = 'UTC';
  const html = renderToString(
    <Providers h={h} queryClient={server} state={state}>
      <RunInspector threadId={threadId} />
    </Providers>,
  );
  server.clear();
  return { html, state };
}

async function hydrate(h: Harness, threadId: string, html: string, state: DehydratedState) {
  // The viewer is elsewhere: server-rendered times must not depend on the zone.
  process.env.TZ = 'America/Los_Angeles';
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  const recoverable: unknown[] = [];
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  await act(async () => {
    roots.push(
      hydrateRoot(
        container,
        <Providers h={h} queryClient={client} state={state}>
          <RunInspector threadId={threadId} />
        </Providers>,
        { onRecoverableError: (error) => recoverable.push(error) },
      ),
    );
  });
  const logged = consoleError.mock.calls.map((args) => args.map(String).join(' '));
  consoleError.mockRestore();
  return { container, recoverable, logged, client };
}

describe.each(backends)('RunInspector: server rendering and hydration (%s)', (backend) => {
  it('renders a waiting run on the server and hydrates in another time zone with no mismatch', async () => {
    const h = await setup({ backend });
    const { threads, runs } = demoOn(backend);
    const { html, state } = await serverRender(h, threads.requiresAction, runs.requiresAction);
    expect(html).toContain(runs.requiresAction);
    expect(html).toContain('Needs tool outputs');
    expect(html).toMatch(/UTC/);

    const { recoverable, logged, client } = await hydrate(h, threads.requiresAction, html, state);
    expect(recoverable).toEqual([]);
    expect(logged.filter((line) => /hydrat|did not match|server/i.test(line))).toEqual([]);
    // After hydration the times are the viewer's own, and the inspector is live.
    const panel = await screen.findByRole('region', { name: `Run ${runs.requiresAction}` });
    expect(panel.querySelector('time')?.textContent).not.toMatch(/UTC/);
    expect(screen.getByRole('listbox', { name: 'Runs' })).toBeInTheDocument();
    client.clear();
  });

  it('server-renders an in-progress run with the same duration the client hydrates', async () => {
    const h = await setup({ backend });
    const { threads, runs } = demoOn(backend);
    const { html, state } = await serverRender(h, threads.inProgress, runs.inProgress);
    expect(html).toContain('In progress');
    const { recoverable, logged, client } = await hydrate(h, threads.inProgress, html, state);
    expect(recoverable).toEqual([]);
    expect(logged.filter((line) => /hydrat|did not match/i.test(line))).toEqual([]);
    client.clear();
  });
});
