import { describe, expect, it } from 'vitest';
import { startCheckedBackend } from './checked-backend';
import { expectApiError, setUpScenario } from './helpers';

// `emulator.concurrent_runs: 'true'` on a thread: many active runs at once, for load-testing run
// lists (bench:live). Every other thread keeps the API's one-active-run rule.

describe('thread metadata emulator.concurrent_runs', () => {
  it('lets that thread hold many active runs, each moving on its own', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant } = await setUpScenario(openai, 'message');
    const thread = await openai.beta.threads.create({ metadata: { 'emulator.concurrent_runs': 'true' } });
    const runs = [];
    for (let i = 0; i < 3; i += 1) runs.push(await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id }));
    const listed = await openai.beta.threads.runs.list(thread.id);
    expect(listed.data.map((run) => run.status)).toEqual(['queued', 'queued', 'queued']);
    clock.advance(10_000);
    const done = await openai.beta.threads.runs.list(thread.id);
    expect(done.data.map((run) => run.status)).toEqual(['completed', 'completed', 'completed']);
    expect(new Set(done.data.map((run) => run.id))).toEqual(new Set(runs.map((run) => run.id)));
  });

  it('leaves other threads to one active run at a time', async () => {
    const { openai } = await startCheckedBackend();
    const { assistant, thread } = await setUpScenario(openai, 'message');
    const first = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
    await expectApiError(openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id }), {
      status: 400,
      message: `Thread ${thread.id} already has an active run ${first.id}.`,
    });
  });
});
