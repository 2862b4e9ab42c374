import { describe, expect, it } from 'vitest';
import { createRunEventRecorder, runBundleFileName, type AssistantStreamEvent, type RunEventStream } from '../../src/index';
import { createAssistantsRunsClient } from '../../src/core';
import { driveClock } from '../emulator/helpers';
import { startTestBackend } from '../support/emulator';

// The zod-free bundle helpers of the `runlens` entry: the recorder and the file name.

describe('createRunEventRecorder', () => {
  it('passes a real stream through unchanged, recording each event with ms since the first', async () => {
    const { openai, clock } = await startTestBackend();
    const client = createAssistantsRunsClient(openai);
    const assistant = await openai.beta.assistants.create({ model: 'gpt-4o', metadata: { 'emulator.scenario': 'message' } });
    const thread = await openai.beta.threads.create({ messages: [{ role: 'user', content: 'Hi' }] });
    const recorder = createRunEventRecorder({ now: () => clock.now() });
    const start = clock.now();
    const read = async (stream: RunEventStream) => {
      const seen: { event: AssistantStreamEvent; at: number }[] = [];
      for await (const event of stream) seen.push({ event, at: clock.now() - start });
      return seen;
    };
    const seen = await driveClock(clock, read(recorder.record(client.createRunStream(thread.id, { assistant_id: assistant.id }))));
    expect(seen.map(({ event }) => event.event)).toContain('thread.run.completed');
    expect(recorder.events.map(({ event }) => event)).toEqual(seen.map(({ event }) => event));
    const origin = seen[0]!.at;
    expect(recorder.events.map(({ at }) => at)).toEqual(seen.map(({ at }) => at - origin));
    expect(recorder.events.at(-1)!.at).toBeGreaterThan(1000); // the message scenario runs ~1.5 s of emulator time
  });
});

describe('runBundleFileName', () => {
  it('names the file after the run, safe for any file system', () => {
    expect(runBundleFileName({ run: { id: 'run_abc123' } as never })).toBe('run_abc123.runlens.json');
    expect(runBundleFileName({ run: { id: 'resp/../x:y' } as never })).toBe('resp_.._x_y.runlens.json');
  });
});
