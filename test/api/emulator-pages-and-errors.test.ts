import { describe, expect, it } from 'vitest';
import { RunsApiError } from '../../src/core';
import { runsFixture, sdkMajors, type RunsFixture } from './emulator-backends';

async function rejection(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (reason: unknown) => reason,
  );
}

async function apiError(call: Promise<unknown>): Promise<RunsApiError> {
  const error = await rejection(call);
  if (!RunsApiError.is(error)) throw new Error(`expected a RunsApiError, got ${String(error)}`);
  return error;
}

/** `count` completed runs on the fixture's thread, oldest first. */
async function completedRuns(fixture: RunsFixture, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const run = await fixture.client.createRun(fixture.threadId, { assistant_id: fixture.assistantId });
    await fixture.advanceUntil(run.id, 'completed');
    ids.push(run.id);
  }
  return ids;
}

describe.each(sdkMajors)('pagination over $name', (major) => {
  it('listRuns keeps first_id, last_id and has_more across pages', async () => {
    const fixture = await runsFixture(major, 'message');
    const [oldest, middle, newest] = await completedRuns(fixture, 3);
    const { client, threadId } = fixture;

    const firstPage = await client.listRuns(threadId, { limit: 2 });
    expect(firstPage).toMatchObject({ object: 'list', first_id: newest, last_id: middle, has_more: true });
    expect(firstPage.data.map((run) => run.id)).toEqual([newest, middle]);

    const secondPage = await client.listRuns(threadId, { limit: 2, after: firstPage.last_id ?? '' });
    expect(secondPage).toMatchObject({ first_id: oldest, last_id: oldest, has_more: false });

    const backAgain = await client.listRuns(threadId, { limit: 2, before: secondPage.first_id ?? '' });
    expect(backAgain.data.map((run) => run.id)).toEqual([newest, middle]);

    const ascending = await client.listRuns(threadId, { order: 'asc', limit: 100 });
    expect(ascending.data.map((run) => run.id)).toEqual([oldest, middle, newest]);
  });

  it('an empty page has null first_id and last_id', async () => {
    const { client, threadId } = await runsFixture(major);
    expect(await client.listRuns(threadId)).toEqual({
      object: 'list',
      data: [],
      first_id: null,
      last_id: null,
      has_more: false,
    });
  });

  it('listRunSteps pages too', async () => {
    const fixture = await runsFixture(major, 'code_interpreter');
    const [runId = ''] = await completedRuns(fixture, 1);
    const all = await fixture.client.listRunSteps(fixture.threadId, runId, { order: 'asc' });
    expect(all.data.length).toBeGreaterThanOrEqual(2);
    const page = await fixture.client.listRunSteps(fixture.threadId, runId, { order: 'asc', limit: 1 });
    expect(page).toMatchObject({ first_id: all.data[0]?.id, last_id: all.data[0]?.id, has_more: true });
    const next = await fixture.client.listRunSteps(fixture.threadId, runId, {
      order: 'asc',
      limit: 1,
      after: page.last_id ?? '',
    });
    expect(next.first_id).toBe(all.data[1]?.id);
  });
});

describe.each(sdkMajors)('errors from the emulator over $name', (major) => {
  it('404 for an unknown run', async () => {
    const { client, threadId } = await runsFixture(major);
    const error = await apiError(client.getRun(threadId, 'run_missing'));
    expect(error).toMatchObject({ status: 404, type: 'invalid_request_error', code: null, param: null });
    expect(error.detail).toBe("No run found with id 'run_missing'.");
    expect(error.requestId).toMatch(/\S/);
    expect(error.message).toBe(
      `No run found with id 'run_missing'. (404 invalid_request_error, request ${error.requestId})`,
    );
  });

  it('400 when cancelling a run that already ended', async () => {
    const fixture = await runsFixture(major, 'message');
    const [runId = ''] = await completedRuns(fixture, 1);
    const error = await apiError(fixture.client.cancelRun(fixture.threadId, runId));
    expect(error).toMatchObject({
      status: 400,
      type: 'invalid_request_error',
      detail: "Cannot cancel run with status 'completed'.",
    });
    expect(error.message).toMatch(
      /^Cannot cancel run with status 'completed'\. \(400 invalid_request_error, request \S+\)$/,
    );
  });

  it('400 for a second active run on the thread', async () => {
    const { client, threadId, assistantId } = await runsFixture(major);
    const active = await client.createRun(threadId, { assistant_id: assistantId });
    const error = await apiError(client.createRun(threadId, { assistant_id: assistantId }));
    expect(error).toMatchObject({ status: 400, type: 'invalid_request_error' });
    expect(error.detail).toBe(`Thread ${threadId} already has an active run ${active.id}.`);
  });

  it('400 with code and param from the server', async () => {
    const { client, threadId, assistantId, advanceUntil } = await runsFixture(major);
    const run = await client.createRun(threadId, { assistant_id: assistantId });
    await advanceUntil(run.id, 'requires_action');
    const error = await apiError(
      client.submitToolOutputs(threadId, run.id, { tool_outputs: [{ tool_call_id: 'call_wrong', output: 'x' }] }),
    );
    expect(error).toMatchObject({ status: 400, param: 'tool_outputs' });
    expect(error.message).toMatch(
      /^Expected tool outputs for call_ids .* \(400 invalid_request_error, param: tool_outputs, request \S+\)$/,
    );
  });

  it('an aborted signal rejects with an AbortError before anything is sent', async () => {
    const { client, threadId, backend } = await runsFixture(major);
    const sentBefore = backend.emulator.requests.length;
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(client.listRuns(threadId, {}, { signal: controller.signal }));
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(backend.emulator.requests.length).toBe(sentBefore);
  });
});
