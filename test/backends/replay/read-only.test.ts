import { describe, expect, it } from 'vitest';
import { capabilitiesOf, collectRunBundle, RunsApiError, whyUnsupported, type RunsClient } from '../../../src/core';
import { createReplayRunsClient } from '../../../src/backends/replay';
import { finishedAssistantsRun } from './runs';

// A replay changes nothing: every write is refused with the reason the UI shows beside the hidden action.

const readOnly = 'A replay of an exported run is read-only.';

describe('createReplayRunsClient is read-only', () => {
  it('says so in its capabilities, and lists both ways in one request', async () => {
    const finished = await finishedAssistantsRun('message');
    const replay = createReplayRunsClient(await collectRunBundle(finished.client, finished.threadId, finished.runId));
    const capabilities = capabilitiesOf(replay);
    for (const action of ['updateMetadata', 'cancel', 'createRun', 'submitToolOutputs', 'deadlines'] as const) expect(whyUnsupported(capabilities[action])).toBe(readOnly);
    expect([capabilities.listBothWays, capabilities.listInOneRequest]).toEqual([true, true]);
  });

  it('rejects every write, and every write stream at its first read, with a RunsApiError', async () => {
    const finished = await finishedAssistantsRun('message');
    const replay = createReplayRunsClient(await collectRunBundle(finished.client, finished.threadId, finished.runId));
    const { threadId, runId } = replay;
    const writes: [string, (client: RunsClient) => Promise<unknown>][] = [
      ['createRun', (client) => client.createRun(threadId, { assistant_id: 'asst_1' })],
      ['createThreadRun', (client) => client.createThreadRun({ assistant_id: 'asst_1' })],
      ['updateRun', (client) => client.updateRun(threadId, runId, { metadata: { a: 'b' } })],
      ['submitToolOutputs', (client) => client.submitToolOutputs(threadId, runId, { tool_outputs: [{ tool_call_id: 'call_1', output: 'x' }] })],
      ['cancelRun', (client) => client.cancelRun(threadId, runId)],
      ['createRunStream', (client) => client.createRunStream(threadId, { assistant_id: 'asst_1' })[Symbol.asyncIterator]().next()],
      ['createThreadRunStream', (client) => client.createThreadRunStream({ assistant_id: 'asst_1' })[Symbol.asyncIterator]().next()],
      ['submitToolOutputsStream', (client) => client.submitToolOutputsStream(threadId, runId, { tool_outputs: [] })[Symbol.asyncIterator]().next()],
    ];
    for (const [operation, write] of writes) {
      const error = await write(replay).then(
        () => null,
        (e: unknown) => e,
      );
      expect(RunsApiError.is(error), operation).toBe(true);
      expect(error).toMatchObject({ status: 405, code: 'read_only', detail: `${readOnly} ${operation} is not available; open the run on its backend to change it.` });
    }
    // Nothing changed.
    expect((await replay.getRun(threadId, runId)).run).toEqual(replay.bundle.run);
  });
});
