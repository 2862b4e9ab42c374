import type { ListParams } from '../api/client.js';
import type { RunIndex } from '../backends/responses/run-index/run-index.js';
import type { JsonObject } from './body.js';
import { errorResponse, quote } from './errors.js';

// The server side of the run-index routes (`{basePath}/runlens/run-index/…`): the Responses
// backend's RunIndex kept in the proxy's store, so runs are listed across devices and instances.
// The proxy has checked the route, the body and the user's ownership before this runs.

const badRequest = (message: string, param: string | null = null): Response => errorResponse({ status: 400, message, param });
const notFound = (message: string): Response => errorResponse({ status: 404, message });

/** The index's own errors as answers: RangeError (a bad cursor, limit, order) 400, TypeError 400, a conflict 409. */
function indexError(error: unknown): Response {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof RangeError) return badRequest(message, /'(after|before|limit|order)'/.exec(message)?.[1] ?? null);
  if (error instanceof TypeError) return badRequest(message);
  if (/^No run /.test(message)) return notFound(message);
  return errorResponse({ status: 409, message, code: 'conflict' });
}

const isId = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9_-]{1,256}$/.test(value);

function listParamsOf(query: URLSearchParams): ListParams {
  const params: ListParams = {};
  const limit = query.get('limit');
  const order = query.get('order');
  if (limit !== null) params.limit = Number(limit);
  if (order !== null) params.order = order as 'asc' | 'desc';
  const after = query.get('after');
  const before = query.get('before');
  if (after !== null) params.after = after;
  if (before !== null) params.before = before;
  return params;
}

export async function answerRunIndex(
  index: RunIndex,
  operation: string,
  params: Readonly<Record<string, string>>,
  query: URLSearchParams,
  body: JsonObject | undefined,
): Promise<Response> {
  try {
    switch (operation) {
      case 'runIndex.listRuns':
        return Response.json(await index.listRuns(params.conversation_id!, listParamsOf(query)));
      case 'runIndex.recordRun': {
        const { runId, conversationId, createdAt } = body ?? {};
        if (!isId(runId)) return badRequest(`runId must be a response id; got ${quote(String(runId), 40)}.`, 'runId');
        if (!isId(conversationId)) return badRequest(`conversationId must be a conversation id; got ${quote(String(conversationId), 40)}.`, 'conversationId');
        if (typeof createdAt !== 'number' || !Number.isFinite(createdAt)) return badRequest('createdAt must be a number (Unix seconds).', 'createdAt');
        await index.recordRun({ runId, conversationId, createdAt });
        return new Response(null, { status: 204 });
      }
      case 'runIndex.appendResponse': {
        const responseId = body?.responseId;
        if (!isId(responseId)) return badRequest(`responseId must be a response id; got ${quote(String(responseId), 40)}.`, 'responseId');
        await index.appendResponse(params.run_id!, responseId);
        return new Response(null, { status: 204 });
      }
      case 'runIndex.getChain': {
        const responseIds = await index.getChain(params.run_id!);
        const run = responseIds && (await index.findRunByResponse(params.run_id!));
        return run ? Response.json({ run, responseIds }) : notFound(`No run ${params.run_id} in the run index.`);
      }
      case 'runIndex.findRunByResponse': {
        const run = await index.findRunByResponse(params.response_id!);
        return run ? Response.json(run) : notFound(`No run holds response ${params.response_id}.`);
      }
      case 'runIndex.forgetRun':
        return Response.json({ forgotten: await index.forgetRun(params.run_id!) });
      default:
        return notFound(`No run-index operation ${operation}.`);
    }
  } catch (error) {
    return indexError(error);
  }
}
