import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunsClient } from '../../src/api/client';
import { RunsProvider } from '../../src/react/RunsProvider';
import { useRunsClient } from '../../src/react/useRunsClient';
import { setup } from './harness';

describe('RunsProvider', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('refuses an OpenAI instance, saying how to make a RunsClient of it', async () => {
    const h = await setup();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={h.queryClient}>
        <RunsProvider client={h.openai as unknown as RunsClient}>{children}</RunsProvider>
      </QueryClientProvider>
    );
    expect(() => renderHook(() => useRunsClient(), { wrapper })).toThrow(
      /client is an OpenAI instance; pass a RunsClient made from it: client=\{createAssistantsRunsClient\(openai\)\}, with createAssistantsRunsClient from 'runlens\/assistants'/,
    );
  });

  it('refuses what is not a RunsClient at all, naming what it got', async () => {
    const h = await setup();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={h.queryClient}>
        <RunsProvider client={undefined as unknown as RunsClient}>{children}</RunsProvider>
      </QueryClientProvider>
    );
    expect(() => renderHook(() => useRunsClient(), { wrapper })).toThrow(/client must be a RunsClient .*; got undefined\./);
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
