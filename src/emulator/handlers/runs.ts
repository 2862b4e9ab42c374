import { json, runJson } from '../http.js';
import { paginate, parseListQuery } from '../pagination.js';
import { modifyRunParams, runParams, toolOutputsParams } from '../request-bodies.js';
import type { Handler, RequestContext } from '../router.js';
import { beforeChange } from '../snapshots.js';
import { runEventStream, sseResponse } from '../sse.js';
import { parseInclude, stepView } from '../views.js';
import { pathParam } from './params.js';

const runOf = (context: RequestContext) => context.engine.store.run(pathParam(context, 'thread_id'), pathParam(context, 'run_id'));

export const listRuns: Handler = (context) => {
  const thread = context.engine.store.thread(pathParam(context, 'thread_id'));
  return json(paginate(thread.runs.map((run) => run.object), parseListQuery(context.url.searchParams)));
};

export const createRun: Handler = (context) => {
  const { engine, body, now, request, speed } = context;
  const includeContent = parseInclude(context.url.searchParams);
  const thread = engine.store.thread(pathParam(context, 'thread_id'));
  const params = runParams(body);
  const record = engine.createRun(thread, params, now);
  if (!params.stream) return runJson(record, now, speed);
  return sseResponse(runEventStream({ engine, record, from: 0, includeContent, signal: request.signal }));
};

export const getRun: Handler = (context) => runJson(runOf(context), context.now, context.speed);

export const modifyRun: Handler = (context) => {
  const record = runOf(context);
  const { metadata } = modifyRunParams(context.body);
  if (metadata) {
    beforeChange(record.object, false); // events already logged keep the old metadata
    record.object.metadata = metadata;
  }
  return runJson(record, context.now, context.speed);
};

export const cancelRun: Handler = (context) => {
  const record = runOf(context);
  context.engine.cancel(record, context.now);
  return runJson(record, context.now, context.speed);
};

export const submitToolOutputs: Handler = (context) => {
  const { engine, now, request, speed } = context;
  const record = runOf(context);
  const { tool_outputs, stream } = toolOutputsParams(context.body);
  const from = record.log.length;
  engine.submitToolOutputs(record, now, tool_outputs);
  if (!stream) return runJson(record, now, speed);
  return sseResponse(runEventStream({ engine, record, from, includeContent: false, signal: request.signal }));
};

export const listRunSteps: Handler = (context) => {
  const includeContent = parseInclude(context.url.searchParams);
  const query = parseListQuery(context.url.searchParams);
  // Page first, then shape only the page's steps (not all of a 10 000-step run's).
  const page = paginate(runOf(context).steps, query);
  return json({ ...page, data: page.data.map((step) => stepView(step, includeContent)) });
};

export const getRunStep: Handler = (context) => {
  const includeContent = parseInclude(context.url.searchParams);
  const step = context.engine.store.step(pathParam(context, 'thread_id'), pathParam(context, 'run_id'), pathParam(context, 'step_id'));
  return json(stepView(step, includeContent));
};
