import type { Clock } from '../clock.js';
import { breakShape, damageJson, malformText, rateLimitResponse, serverErrorResponse, withBody } from './inject.js';
import { cutAfterBytes, cutSseMidEvent, rewriteFirstSseEvent, stallSse, streamOf, trickle } from './streams.js';
import type { FaultRule } from './types.js';

// One fault applied to one answer. Status and reset faults stand for the answer; damage faults
// rewrite it, and fit only some answers (an SSE cut needs a stream): those return undefined.

export interface ApplyContext {
  clock: Clock;
  /** The request's signal: a client that leaves stops a trickle or a stall. */
  signal: AbortSignal;
  /** Counts a response held open by a stall; returns the release. */
  holdOpen: () => () => void;
}

const mediaType = (response: Response): string => (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/** Drops the real answer's body (an SSE stream stops producing). */
const discard = (response: Response): void => void response.body?.cancel().catch(() => undefined);

function schemaBreak(data: string): string {
  try {
    return JSON.stringify(breakShape(JSON.parse(data)));
  } catch {
    return data;
  }
}

/** The answer for a fault that fired before the request reached the API. */
export function answerInstead(rule: FaultRule): Response | undefined {
  if (rule.kind === 'server-error') return serverErrorResponse(rule);
  if (rule.kind === 'rate-limit') return rateLimitResponse(rule);
  if (rule.kind === 'reset') return Response.error();
  return undefined;
}

/** `response` with the fault applied after the request was processed, or undefined when it does not fit. */
export async function damage(rule: FaultRule, response: Response, context: ApplyContext): Promise<Response | undefined> {
  const { signal } = context;
  const type = mediaType(response);
  const sse = type === 'text/event-stream' ? response.body : null;
  const json = type === 'application/json';
  switch (rule.kind) {
    case 'latency':
      return undefined;
    case 'server-error':
    case 'rate-limit':
      discard(response);
      return answerInstead(rule);
    case 'reset': {
      if ((rule.at ?? 'body') === 'headers' || !response.body) {
        discard(response);
        return Response.error();
      }
      if (!json) return withBody(response, cutAfterBytes(response.body, signal, rule.afterBytes ?? 512));
      const bytes = new Uint8Array(await response.arrayBuffer());
      return withBody(response, cutAfterBytes(streamOf(bytes), signal, rule.afterBytes ?? Math.floor(bytes.byteLength / 2)));
    }
    case 'truncate':
    case 'malformed':
    case 'schema':
      if (json) return withBody(response, damageJson(rule, await response.text()));
      if (!sse || rule.kind === 'truncate') return undefined;
      return withBody(response, rewriteFirstSseEvent(sse, signal, rule.kind === 'schema' ? schemaBreak : malformText));
    case 'sse-cut':
      return sse ? withBody(response, cutSseMidEvent(sse, signal, rule.afterEvents ?? 2)) : undefined;
    case 'sse-stall':
      return sse ? withBody(response, stallSse(sse, signal, rule.afterEvents ?? 3, context.holdOpen)) : undefined;
    case 'slow-body':
      return response.body ? withBody(response, trickle(response.body, signal, context.clock, rule.chunkBytes ?? 64, rule.intervalMs ?? 100)) : undefined;
  }
}
