import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunsProvider } from '../../src/react/RunsProvider';
import { useRun } from '../../src/react/useRun';
import { useRunsClient } from '../../src/react/useRunsClient';
import { assistants, setup } from './harness';

describe('RunsProvider', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('wraps an OpenAI instance (anything with beta.threads.runs) into a RunsClient', async () => {
    const h = await setup({ useSdkInstance: true });
    const threadId = await h.createThread();
    const run = await h.client.createRun(threadId, { assistant_id: assistants.message });
    const { result } = renderHook(() => ({ client: useRunsClient(), run: useRun(threadId, run.id) }), {
      wrapper: h.wrapper,
    });
    expect(typeof result.current.client.getRun).toBe('function');
    expect(result.current.client).not.toBe(h.openai);
    await waitFor(() => expect(result.current.run.data?.id).toBe(run.id));
  });

  it('passes a RunsClient through as is', async () => {
    const h = await setup();
    const { result } = renderHook(() => useRunsClient(), { wrapper: h.wrapper });
    expect(result.current).toBe(h.client);
  });

  it('refuses to run without the app’s QueryClientProvider instead of creating its own QueryClient', async () => {
    const h = await setup();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const wrapper = ({ children }: { children: ReactNode }) => <RunsProvider client={h.client}>{children}</RunsProvider>;
    expect(() => renderHook(() => null, { wrapper })).toThrow(/needs a QueryClientProvider/);
  });

  it('makes hooks outside a RunsProvider fail with a clear message', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const queryClient = new QueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    expect(() => renderHook(() => useRunsClient(), { wrapper })).toThrow(/need a <RunsProvider/);
  });
});
