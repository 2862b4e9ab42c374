import { expect } from 'vitest';
import { RUN_STEP_INCLUDE_FILE_SEARCH_CONTENT, RunsApiError, type ListRunStepsParams, type RunStepInclude, type RunBundle, type RunsClient } from '../../../src/core';

const include: RunStepInclude[] = [RUN_STEP_INCLUDE_FILE_SEARCH_CONTENT];

/** What a rejected call said, in the fields an app and a person see (the request id differs by nature). */
async function failureOf(call: Promise<unknown>): Promise<object> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(RunsApiError.is(error), `expected a RunsApiError, got ${String(error)}`).toBe(true);
  const { status, type, detail, param } = error as RunsApiError;
  return { status, type, detail, param };
}

/**
 * Every read the RunInspector makes, asked of the live backend and of the replay, must answer the
 * same: the run, its list, pages of steps in both orders and at cursors, each step and message,
 * and (unless `errors: false`: the Responses backend words its own) the 404s and 400s for ids
 * and cursors neither knows. `alwaysInclude`: ask every step read with `include` (for a backend that ignores it).
 */
export async function expectSameReads(live: RunsClient, replay: RunsClient, threadId: string, runId: string, bundle: RunBundle, options: { errors?: boolean; alwaysInclude?: boolean } = {}): Promise<void> {
  expect((await replay.getRun(threadId, runId)).run).toEqual((await live.getRun(threadId, runId)).run);
  for (const params of [undefined, { limit: 1, order: 'asc' as const }]) {
    expect(await replay.listRuns(threadId, params)).toEqual(await live.listRuns(threadId, params));
  }
  const ids = bundle.steps.map((step) => step.id);
  const pages: ListRunStepsParams[] = [
    {},
    { order: 'asc', limit: 100, include },
    { limit: 100, include },
    { limit: 2, after: ids[0] },
    { limit: 2, order: 'asc', after: ids[0], include },
    { limit: 3, order: 'asc', before: ids.at(-1) },
    { limit: 3, before: ids[0] },
    { limit: 100, order: 'asc', after: ids[0], before: ids.at(-1) },
  ];
  // The Responses backend sends file-search content without `include`; the replay, as the Assistants API, only with it.
  if (options.alwaysInclude) for (const params of pages) params.include = include;
  for (const params of pages) {
    expect(await replay.listRunSteps(threadId, runId, params), JSON.stringify(params)).toEqual(await live.listRunSteps(threadId, runId, params));
  }
  for (const id of new Set([ids[0]!, ids[Math.floor(ids.length / 2)]!, ids.at(-1)!])) {
    if (!options.alwaysInclude) expect(await replay.getRunStep(threadId, runId, id)).toEqual(await live.getRunStep(threadId, runId, id));
    expect(await replay.getRunStep(threadId, runId, id, { include })).toEqual(await live.getRunStep(threadId, runId, id, { include }));
  }
  for (const message of bundle.messages) {
    expect(await replay.getMessage(threadId, message.id)).toEqual(await live.getMessage(threadId, message.id));
  }
  const misses: ((client: RunsClient) => Promise<unknown>)[] = [
    (client) => client.getRun(threadId, 'run_missing'),
    (client) => client.getRun('thread_missing', runId),
    (client) => client.getRunStep(threadId, runId, 'step_missing'),
    (client) => client.getMessage(threadId, 'msg_missing'),
    (client) => client.listRunSteps(threadId, runId, { after: 'step_missing' }),
  ];
  if (options.errors === false) return;
  for (const miss of misses) expect(await failureOf(miss(replay))).toEqual(await failureOf(miss(live)));
}
