import type { Preview } from '@storybook/react-vite';

// The "Backend" toolbar: a Storybook global (`backend`) naming the API the story's RunsProvider
// talks to, both served by the story's emulator. The preview's loader builds the story's backend
// for it (stories/support/backend.ts), so switching it rebuilds the story's data on the other API.

/** The `backend` global: the Assistants API (createAssistantsRunsClient) or the Responses API (createResponsesRunsClient). */
export type BackendGlobal = 'assistants' | 'responses';

/** The global's default: every story runs on the Assistants API unless it (or the toolbar) says otherwise. */
export const defaultBackend = 'assistants' satisfies BackendGlobal;

/** The `globalTypes.backend` entry of .storybook/preview.tsx. */
export const backendGlobalType = {
  description: 'The API the story’s RunsProvider talks to (both served by the in-browser emulator)',
  toolbar: {
    title: 'Backend',
    icon: 'database',
    items: [
      { value: 'assistants', title: 'Assistants', right: 'createAssistantsRunsClient: threads and runs' },
      { value: 'responses', title: 'Responses', right: 'createResponsesRunsClient: conversations and background responses' },
    ],
    dynamicTitle: true,
  },
} satisfies NonNullable<Preview['globalTypes']>[string];

/** Reads a `backend` global (from the toolbar, a story's `globals` or a URL): anything unknown means Assistants. */
export function backendGlobalOf(value: unknown): BackendGlobal {
  return value === 'responses' ? 'responses' : defaultBackend;
}
