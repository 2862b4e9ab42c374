// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { collectRunBundle, type RunBundle } from '../../../src/core';
import { createReplayRunsClient, type ReplayRunsClient } from '../../../src/backends/replay';
import { RunsProvider, useRun, useRunSteps } from '../../../src/react';
import { finishedAssistantsRun } from './runs';

// The hooks over a replayed run, rendered in jsdom as an app renders them: the exported run with no
// backend, and the same run replayed, moving on as the replay's clock does.

afterEach(() => cleanup());

function wrapperFor(client: ReplayRunsClient) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const polling = { minIntervalMs: 10, hintFloorMs: 10, maxIntervalMs: 40, requiresActionIntervalMs: 40, quickPolls: 2, backoff: 2 };
  return ({ children }: { children: ReactNode }) => createElement(QueryClientProvider, { client: queryClient }, createElement(RunsProvider, { client, polling }, children));
}

function useRunAndSteps(client: ReplayRunsClient) {
  const run = useRun(client.threadId, client.runId);
  const { steps } = useRunSteps(client.threadId, client.runId, { order: 'asc' });
  return { run: run.data, isTerminal: run.isTerminal, steps };
}

async function exported(): Promise<RunBundle> {
  const finished = await finishedAssistantsRun('function_call', { 'emulator.parallel': '2' });
  return JSON.parse(JSON.stringify(await collectRunBundle(finished.client, finished.threadId, finished.runId))) as RunBundle;
}

describe('useRun and useRunSteps over createReplayRunsClient', () => {
  it('render an exported run with no backend: the run and every step as exported', async () => {
    const bundle = await exported();
    const client = createReplayRunsClient(bundle);
    const { result } = renderHook(() => useRunAndSteps(client), { wrapper: wrapperFor(client) });
    await waitFor(() => expect(result.current.steps).toHaveLength(bundle.steps.length));
    expect(result.current.run).toEqual(bundle.run);
    expect(result.current.isTerminal).toBe(true);
    expect(result.current.steps.map((step) => [step.id, step.status])).toEqual(bundle.steps.map((step) => [step.id, step.status]));
  });

  it('follow a replay: queued, then live with its steps coming in, then the exported end', async () => {
    const bundle = await exported();
    let now = 0;
    const client = createReplayRunsClient(bundle, { speed: 1, now: () => now });
    const { result } = renderHook(() => useRunAndSteps(client), { wrapper: wrapperFor(client) });
    await waitFor(() => expect(result.current.run?.status).toBe('queued'));
    expect(result.current.steps).toEqual([]);

    const firstStep = bundle.steps[0]!;
    now = (firstStep.created_at - bundle.run.created_at) * 1000 + 999;
    await waitFor(() => expect(result.current.steps.length).toBeGreaterThan(0));
    expect(result.current.run?.status).not.toBe('completed');
    expect(result.current.isTerminal).toBe(false);

    now = 1e9;
    await waitFor(() => expect(result.current.run).toEqual(bundle.run));
    await waitFor(() => expect(result.current.steps).toHaveLength(bundle.steps.length));
    expect(result.current.steps.map((step) => step.status)).toEqual(bundle.steps.map((step) => step.status));
  });
});
