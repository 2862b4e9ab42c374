import type { Decorator, Preview } from '@storybook/react-vite';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import '../src/ui/styles.css';
import { RunsProvider } from '../src/react';
import type { RunsClient } from '../src/core';
import { loadStoryBackend, type StoryBackend } from '../stories/support/backend';
import { backendGlobalType, defaultBackend } from '../stories/support/backend-switch';
import { applyFaults, faultsGlobalType, noFaults } from '../stories/support/faults';

// Every story gets its own emulator (seeded demo data, a manual clock unless the story asks for a
// live one), the official SDK over it (`fetch: emulator.fetch`, no network, no key), a fresh
// QueryClient and a RunsProvider. The `backend` loader builds the story's runs first (see
// stories/support/backend.ts), so a story renders straight into the state it is about; it is built
// once per mount, so a re-render (a toolbar or control change) keeps the same emulator and data —
// except for the Backend toolbar (`backend` global, Assistants by default), whose change builds the
// story's data again on the other API and remounts the story under a fresh QueryClient.

function StoryRunsProvider({ client, children }: { client: RunsClient; children: ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } }),
  );
  useEffect(() => () => queryClient.clear(), [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <RunsProvider client={client}>{children}</RunsProvider>
    </QueryClientProvider>
  );
}

const withRunsProvider: Decorator = (Story, context) => {
  const backend = context.loaded.backend as StoryBackend;
  return (
    <StoryRunsProvider key={backend.name} client={backend.client}>
      <Story />
    </StoryRunsProvider>
  );
};

// The Faults toolbar (`faults` global, "No faults" by default): the story's emulator gets the chosen
// preset before the story's components mount, and again whenever the toolbar changes it, live, on
// the same emulator (stories/support/faults.ts). A story can pin one with `globals: { faults: 'outage' }`.
const withFaults: Decorator = (Story, context) => {
  applyFaults((context.loaded.backend as StoryBackend).emulator, context.globals.faults);
  return <Story />;
};

const withTheme: Decorator = (Story, context) => {
  const theme = (context.globals.theme as string | undefined) ?? 'light';
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <div data-theme={theme} className="rl-story" style={{ padding: 16, background: 'var(--rl-bg, transparent)', color: 'var(--rl-fg, inherit)' }}>
      <Story />
    </div>
  );
};

const preview: Preview = {
  tags: ['autodocs'],
  loaders: [async (context) => ({ backend: await loadStoryBackend(context) })],
  decorators: [withRunsProvider, withFaults, withTheme],
  globalTypes: {
    theme: {
      description: 'Colour theme (sets data-theme)',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
    faults: faultsGlobalType,
    backend: backendGlobalType,
  },
  initialGlobals: { theme: 'light', faults: noFaults, backend: defaultBackend },
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
    // Every story is an accessibility test: axe violations fail it (in Vitest and in the UI).
    a11y: { test: 'error' },
  },
};

export default preview;
