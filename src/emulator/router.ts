import type { Engine } from './engine.js';
import type { Json } from './validate.js';

export interface RequestContext {
  request: Request;
  url: URL;
  /** Path parameters, e.g. `{ thread_id, run_id }`. */
  params: Record<string, string>;
  /** The parsed JSON body (`{}` for GET and empty bodies). */
  body: Json;
  engine: Engine;
  /** Emulator time the request arrived at; the state is already advanced to it. */
  now: number;
  /** For turning poll hints into wall-clock ms. */
  speed: number;
}

export type Handler = (context: RequestContext) => Response | Promise<Response>;

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  /** e.g. `/threads/:thread_id/runs/:run_id` */
  pattern: string;
  handler: Handler;
}

function matchPattern(pattern: string, segments: string[]): Record<string, string> | undefined {
  const parts = pattern.split('/').filter(Boolean);
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of parts.entries()) {
    const segment = segments[i] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part !== segment) return undefined;
  }
  return params;
}

/** The first route matching method and path (routes are listed literal-before-parameter). */
export function findRoute(routes: readonly Route[], method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  let segments: string[];
  try {
    segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined;
  }
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchPattern(route.pattern, segments);
    if (params) return { route, params };
  }
  return undefined;
}
