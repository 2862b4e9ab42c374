import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { createResponsesRunsClient } from '../../src/backends/responses/client';
import { RunsProvider } from '../../src/react/RunsProvider';
import { RunInspector } from '../../src/ui';
import { fastPolling } from '../react/harness';
import { startTestBackend } from '../support/emulator';
import { headerStatus, runPanel } from './inspector-harness';

// The same RunInspector over the Responses API (conversation = thread, a chain of background
// responses = run), streamed as it is by default, through the official SDK to the emulator over HTTP.

async function setupResponses() {
  const { openai, clock } = await startTestBackend();
  const client = createResponsesRunsClient(openai, {
    assistants: {
      asst_weather: {
        model: 'gpt-4o',
        metadata: { 'emulator.scenario': 'function_call' },
        tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }],
      },
    },
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <RunsProvider client={client} polling={fastPolling(clock)}>
        {children}
      </RunsProvider>
    </QueryClientProvider>
  );
  const { id: conversationId } = await openai.conversations.create({});
  return { clock, client, conversationId, wrapper, queryClient };
}

describe('RunInspector on the Responses backend', () => {
  it('starts a run, answers its function call through the form, and shows it completed with its reply', async () => {
    const r = await setupResponses();
    const user = userEvent.setup();
    render(<RunInspector threadId={r.conversationId} assistants={[{ id: 'asst_weather', name: 'Weather bot' }]} />, { wrapper: r.wrapper });
    expect(await screen.findByText('No runs on this thread yet')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Assistant' }), 'Weather bot');
    await user.click(screen.getByRole('button', { name: 'Start run' }));

    // The run the click started, as the backend lists it.
    const runId = await waitFor(async () => {
      const [newest] = (await r.client.listRuns(r.conversationId)).data;
      if (!newest) throw new Error('no run yet');
      return newest.id;
    });
    const panel = await runPanel(runId);
    await act(async () => r.clock.advance(10_000));
    await waitFor(async () => expect(await headerStatus(panel)).toHaveTextContent('Needs tool outputs'), { timeout: 5_000 });
    // No deadline on this backend: said, not counted down; metadata is read-only, with why.
    expect(within(panel).getByText(/No deadline/)).toBeInTheDocument();
    expect(within(panel).queryByRole('timer')).toBeNull();
    expect(within(panel).getByText(/can't change a response's metadata/)).toBeInTheDocument();

    const [output] = within(panel).getAllByRole('textbox', { name: /^Output for get_weather/ });
    await user.type(output!, '{{"temperature": 21}');
    await user.click(within(panel).getByRole('button', { name: 'Submit tool outputs' }));
    await waitFor(async () => expect(await headerStatus(panel)).not.toHaveTextContent('Needs tool outputs'));
    await act(async () => r.clock.advance(10_000));
    await waitFor(async () => expect(await headerStatus(panel)).toHaveTextContent('Completed'), { timeout: 5_000 });
    expect(await within(panel).findByText(/21/, { selector: 'p, div, span' })).toBeInTheDocument();
    r.queryClient.clear();
  });
});
