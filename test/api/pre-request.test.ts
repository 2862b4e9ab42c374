import { describe, expect, it } from 'vitest';
import { createAssistantsRunsClient, RunsApiError, type RunsClient } from '../../src/core';
import { unreachableSdks } from './closed-port';

// The clients point at a closed port: a request that is sent fails with `connection_error`, so
// an `invalid_request_error` with status null proves the check refused it before sending.

const sdks = await unreachableSdks();

async function rejection(call: Promise<unknown>): Promise<RunsApiError> {
  const error: unknown = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!RunsApiError.is(error)) throw new Error(`expected a RunsApiError, got ${String(error)}`);
  return error;
}

async function expectNotSent(call: Promise<unknown>, param: string): Promise<void> {
  const error = await rejection(call);
  expect(error).toMatchObject({ status: null, type: 'invalid_request_error', param });
  expect(error.message).toContain('Nothing was sent.');
}

async function expectSent(call: Promise<unknown>): Promise<void> {
  expect(await rejection(call)).toMatchObject({ status: null, type: 'connection_error' });
}

function metadataWith(keys: number, keyLength = 3, valueLength = 1): Record<string, string> {
  return Object.fromEntries(
    Array.from({ length: keys }, (_, i) => [String(i).padStart(keyLength, 'k'), 'v'.repeat(valueLength)]),
  );
}

describe.each(sdks)('checked before sending ($name)', ({ openai }) => {
  const client: RunsClient = createAssistantsRunsClient(openai);

  it('metadata: 16 keys / 64-char key / 512-char value are sent; one more is not', async () => {
    await expectSent(client.updateRun('thread_1', 'run_1', { metadata: metadataWith(16) }));
    await expectNotSent(client.updateRun('thread_1', 'run_1', { metadata: metadataWith(17) }), 'metadata');
    await expectSent(client.updateRun('thread_1', 'run_1', { metadata: metadataWith(1, 64) }));
    await expectNotSent(client.updateRun('thread_1', 'run_1', { metadata: metadataWith(1, 65) }), 'metadata');
    await expectSent(client.createRun('thread_1', { assistant_id: 'asst_1', metadata: metadataWith(1, 3, 512) }));
    await expectNotSent(
      client.createRun('thread_1', { assistant_id: 'asst_1', metadata: metadataWith(1, 3, 513) }),
      'metadata',
    );
    await expectNotSent(
      client.createThreadRun({ assistant_id: 'asst_1', thread: { metadata: { n: 1 as unknown as string } } }),
      'thread.metadata.n',
    );
  });

  it('limit: 1 and 100 are sent; 0 and 101 are not', async () => {
    await expectSent(client.listRuns('thread_1', { limit: 1 }));
    await expectSent(client.listRuns('thread_1', { limit: 100 }));
    await expectNotSent(client.listRuns('thread_1', { limit: 0 }), 'limit');
    await expectNotSent(client.listRunSteps('thread_1', 'run_1', { limit: 101 }), 'limit');
  });

  it("order: 'asc' is sent, anything else is not", async () => {
    await expectSent(client.listRunSteps('thread_1', 'run_1', { order: 'asc' }));
    await expectNotSent(client.listRuns('thread_1', { order: 'newest' as 'desc' }), 'order');
  });

  it('tool outputs: one per call is sent; none, or a call twice, is not', async () => {
    await expectSent(
      client.submitToolOutputs('thread_1', 'run_1', { tool_outputs: [{ tool_call_id: 'call_1', output: 'ok' }] }),
    );
    await expectNotSent(client.submitToolOutputs('thread_1', 'run_1', { tool_outputs: [] }), 'tool_outputs');
    await expectNotSent(
      client.submitToolOutputs('thread_1', 'run_1', {
        tool_outputs: [
          { tool_call_id: 'call_1', output: 'a' },
          { tool_call_id: 'call_1', output: 'b' },
        ],
      }),
      'tool_outputs',
    );
  });

  it('ids: empty or containing a slash are not sent', async () => {
    await expectSent(client.getRunStep('thread_1', 'run_1', 'step_1'));
    await expectNotSent(client.getRun('', 'run_1'), 'thread_id');
    await expectNotSent(client.cancelRun('thread_1', 'run_1/cancel'), 'run_id');
    await expectNotSent(client.getRunStep('thread_1', 'run_1', ' '), 'step_id');
    await expectNotSent(client.createRun('', { assistant_id: 'asst_1' }), 'thread_id');
  });

  it('request bodies: spec bounds and unknown arguments', async () => {
    await expectSent(client.createThreadRun({ assistant_id: 'asst_1', temperature: 2 }));
    await expectNotSent(client.createThreadRun({ assistant_id: 'asst_1', temperature: 2.5 }), 'temperature');
    await expectNotSent(
      client.createRun('thread_1', { assistant_id: 'asst_1', stream: true } as { assistant_id: string }),
      'stream',
    );
    await expectNotSent(
      client.getRunStep('thread_1', 'run_1', 'step_1', {
        include: ['usage' as 'step_details.tool_calls[*].file_search.results[*].content'],
      }),
      'include[0]',
    );
  });
});
