// Deliberate mistakes, each of which the types must reject. The text after each directive is the
// error tsc must report once the directive is gone (the test removes them and checks).
import { QueryClient } from '@tanstack/react-query';
import OpenAI from 'openai';
import { RunsProvider, useRun, type RunStatus } from 'runlens';
import { runQueryOptions, runlensKeys } from 'runlens/core';
import { RunStatus as RunStatusParts } from 'runlens/primitives';
import { createEmulator, demoIds } from 'runlens/emulator';
import { serveEmulator } from 'runlens/emulator/node';
import { RunInspector } from 'runlens/ui';

export function Mistakes() {
  const { data, pendingToolCalls } = useRun('thread_1', 'run_1');
  // @ts-expect-error TS2322 a run status is a closed union of literals
  const status: RunStatus = 'finished';
  // @ts-expect-error TS18048 the run is undefined until it has loaded
  const nope = data.id;
  // @ts-expect-error TS2322 a tool call id is a string
  const name: number | undefined = pendingToolCalls[0]?.id;
  // @ts-expect-error TS2741 threadId is required
  const inspector = <RunInspector />;
  // @ts-expect-error TS2322 threadId is a string
  const inspector2 = <RunInspector threadId={42} />;
  // @ts-expect-error TS2322 the badge takes a RunStatus
  const badge = <RunStatusParts.Root status="sleeping" />;
  return [status, nope, name, inspector, inspector2, badge];
}

export async function moreMistakes() {
  const queryClient = new QueryClient();
  const openai = new OpenAI({ apiKey: 'sk-emulator' });
  // @ts-expect-error TS2345 runQueryOptions wants a RunsClient, not a bare OpenAI instance
  await queryClient.prefetchQuery(runQueryOptions(openai, 'thread_1', 'run_1'));
  // @ts-expect-error TS2740 RunsProvider wants a RunsClient (createAssistantsRunsClient(openai)), not an OpenAI instance
  const provider = <RunsProvider client={openai} />;
  // @ts-expect-error TS2554 runlensKeys.run needs the run id too
  const key = runlensKeys.run('thread_1');
  // @ts-expect-error TS2322 the clock option is a Clock, not a number
  const emulator = createEmulator({ clock: 5 });
  // @ts-expect-error TS2322 the port is a number
  await serveEmulator(emulator, { port: '4010' });
  // @ts-expect-error TS2339 demoIds lists only the seeded threads
  const thread: string = demoIds.threads.nonexistent;
  return [key, thread, provider];
}
