import { json, runJson } from '../http.js';
import { threadAndRunParams, threadParams } from '../request-bodies.js';
import type { Handler } from '../router.js';
import { runEventStream, sseResponse } from '../sse.js';
import { pathParam } from './params.js';

export const createThread: Handler = ({ engine, body, now }) => json(engine.createThread(threadParams(body), now).object);

export const getThread: Handler = (context) => json(context.engine.store.thread(pathParam(context, 'thread_id')).object);

/** POST /threads/runs: a new thread and its first run, streamed with `thread.created` first. */
export const createThreadAndRun: Handler = ({ engine, body, now, request, speed }) => {
  const { run, thread } = threadAndRunParams(body);
  const record = engine.createThreadAndRun(thread, run, now);
  if (!run.stream) return runJson(record, now, speed);
  const prefix = [{ event: 'thread.created', data: structuredClone(record.thread.object) }];
  return sseResponse(runEventStream({ engine, record, from: 0, prefix, includeContent: false, signal: request.signal }));
};
