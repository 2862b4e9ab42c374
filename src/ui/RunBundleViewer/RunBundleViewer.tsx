'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { RunsClient } from '../../api/client.js';
import { RunsProvider } from '../../react/RunsProvider.js';
import { cn } from '../cn.js';
import { RunInspector } from '../RunInspector/RunInspector.js';
import type { RunInspectorProps } from '../RunInspector/types.js';
import { errorText } from '../RunInspector/states.js';
import { OpenRunFile } from './OpenRunFile.js';

/** A read-only client over an exported run: `createReplayRunsClient` from `runlens/replay`. */
export type ReplayClientFactory = (bundle: unknown, options?: { speed?: number }) => RunsClient & { readonly threadId: string; readonly runId: string };

export interface RunBundleViewerProps extends Pick<RunInspectorProps, 'prices' | 'resolveFileUrl' | 'className'> {
  /**
   * Makes the client the inspector reads: pass `createReplayRunsClient` from `runlens/replay`
   * (it checks the file and says what is wrong with it).
   */
  createClient: ReplayClientFactory;
  /** A bundle to show at once (an exported run the app already holds); "Open file" replaces it. */
  defaultBundle?: unknown;
  /**
   * Replay speeds offered ("Replay at 10×").
   * @default [1, 10]
   */
  speeds?: number[];
}

interface Session {
  bundle: unknown;
  name: string;
  client: ReturnType<ReplayClientFactory>;
  speed: number | null;
  /** A fresh cache per opening or replay: a replay starts from the run's beginning, not its cached end. */
  queryClient: QueryClient;
}

interface ViewerState {
  session: Session | null;
  problem: string | null;
}

/** A new session over `bundle`, or the current one kept with the reason the bundle can't be read. */
function openSession(createClient: ReplayClientFactory, bundle: unknown, name: string, speed: number | null, current: Session | null): ViewerState {
  try {
    const client = createClient(bundle, speed === null ? undefined : { speed });
    return { session: { bundle, name, client, speed, queryClient: newQueryClient() }, problem: null };
  } catch (error) {
    return { session: current, problem: `${name} can't be opened: ${errorText(error)}` };
  }
}

const newQueryClient = () => new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });

/**
 * Opens a run exported with "Download JSON" — on any machine, with no backend — in a read-only
 * RunInspector, and replays it as it happened at 1× or 10× when the file holds its timings.
 * Brings its own QueryClient and RunsProvider, so it works anywhere in a React app.
 *
 * @example
 * import { createReplayRunsClient } from 'runlens/replay';
 * <RunBundleViewer createClient={createReplayRunsClient} />
 */
export function RunBundleViewer({ createClient, defaultBundle, speeds = [1, 10], prices, resolveFileUrl, className }: RunBundleViewerProps) {
  const [state, setState] = useState<ViewerState>(() =>
    defaultBundle === undefined ? { session: null, problem: null } : openSession(createClient, defaultBundle, 'The run', null, null),
  );
  const { session, problem } = state;
  const start = (bundle: unknown, name: string, speed: number | null) => setState((current) => openSession(createClient, bundle, name, speed, current.session));
  useEffect(() => () => session?.queryClient.clear(), [session]);

  const open = async (file: File) => {
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch (error) {
      setState((current) => ({ ...current, problem: `${file.name} is not a JSON file (${errorText(error)}). Open a file saved with "Download JSON".` }));
      return;
    }
    start(json, file.name, null);
  };

  return (
    <section className={cn('rl-bundle-viewer', className)} data-slot="run-bundle-viewer" aria-label="Exported run">
      <div className="rl-row rl-bundle-viewer-bar">
        <OpenRunFile onOpen={(file) => void open(file)} />
        {session && (
          <>
            <span className="rl-mono">{session.name}</span>
            {speeds.map((speed) => (
              <button key={speed} type="button" aria-pressed={session.speed === speed} onClick={() => start(session.bundle, session.name, speed)}>
                Replay at {speed}×
              </button>
            ))}
            <button type="button" aria-pressed={session.speed === null} onClick={() => start(session.bundle, session.name, null)}>
              Show the end
            </button>
          </>
        )}
        <span className="rl-muted" role="status">
          {session?.speed ? `Replaying at ${session.speed}×` : ''}
        </span>
      </div>
      {problem && (
        <p className="rl-alert" role="alert" data-slot="run-bundle-error">
          {problem}
        </p>
      )}
      {session ? (
        <QueryClientProvider client={session.queryClient}>
          <RunsProvider client={session.client}>
            <RunInspector threadId={session.client.threadId} defaultRunId={session.client.runId} prices={prices} resolveFileUrl={resolveFileUrl} stream={false} />
          </RunsProvider>
        </QueryClientProvider>
      ) : (
        !problem && <p className="rl-empty">Open a run exported with "Download JSON" to read it here, with no backend.</p>
      )}
    </section>
  );
}
