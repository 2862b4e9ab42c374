// What the proxy forwards, as data: for each backend, the routes runlens calls (method, path below
// `/v1`, operation) and the query parameters each may carry. Everything else is refused before it
// reaches the upstream. The run-index routes are runlens's own, answered by the proxy itself.

export type ProxyBackend = 'assistants' | 'responses';
export type RouteMethod = 'GET' | 'POST' | 'DELETE';

/** The query parameters a route may carry; any other is refused, so nothing rides along unseen. */
export type QueryParam = 'limit' | 'order' | 'after' | 'before' | 'include[]' | 'stream' | 'starting_after' | 'include_obfuscation';

export interface ProxyRoute {
  method: RouteMethod;
  /** Path segments after `/v1` (or after `/runlens/run-index`), `{name}` standing for an id. */
  pattern: string;
  operation: string;
  query?: readonly QueryParam[];
  /** Whether a JSON body is expected (`'json'`), allowed empty (`'optional'`), or refused (`'none'`). */
  body: 'json' | 'optional' | 'none';
}

const listQuery = ['limit', 'order', 'after', 'before'] as const;
const stepsQuery = [...listQuery, 'include[]'] as const;

export const assistantsRoutes: readonly ProxyRoute[] = [
  { method: 'POST', pattern: '/threads/runs', operation: 'createThreadRun', body: 'json' },
  { method: 'GET', pattern: '/threads/{thread_id}/runs', operation: 'listRuns', query: listQuery, body: 'none' },
  { method: 'POST', pattern: '/threads/{thread_id}/runs', operation: 'createRun', query: ['include[]'], body: 'json' },
  { method: 'GET', pattern: '/threads/{thread_id}/runs/{run_id}', operation: 'getRun', body: 'none' },
  { method: 'POST', pattern: '/threads/{thread_id}/runs/{run_id}', operation: 'updateRun', body: 'json' },
  { method: 'POST', pattern: '/threads/{thread_id}/runs/{run_id}/submit_tool_outputs', operation: 'submitToolOutputs', body: 'json' },
  { method: 'POST', pattern: '/threads/{thread_id}/runs/{run_id}/cancel', operation: 'cancelRun', body: 'optional' },
  { method: 'GET', pattern: '/threads/{thread_id}/runs/{run_id}/steps', operation: 'listRunSteps', query: stepsQuery, body: 'none' },
  { method: 'GET', pattern: '/threads/{thread_id}/runs/{run_id}/steps/{step_id}', operation: 'getRunStep', query: ['include[]'], body: 'none' },
  { method: 'GET', pattern: '/threads/{thread_id}/messages/{message_id}', operation: 'getMessage', body: 'none' },
  { method: 'GET', pattern: '/assistants/{assistant_id}', operation: 'getAssistant', body: 'none' },
];

export const responsesRoutes: readonly ProxyRoute[] = [
  { method: 'POST', pattern: '/responses', operation: 'createResponse', query: ['include[]'], body: 'json' },
  { method: 'GET', pattern: '/responses/{response_id}', operation: 'getResponse', query: ['stream', 'starting_after', 'include[]', 'include_obfuscation'], body: 'none' },
  { method: 'POST', pattern: '/responses/{response_id}/cancel', operation: 'cancelResponse', body: 'optional' },
  { method: 'GET', pattern: '/responses/{response_id}/input_items', operation: 'listInputItems', query: stepsQuery, body: 'none' },
  { method: 'POST', pattern: '/conversations', operation: 'createConversation', body: 'optional' },
  { method: 'GET', pattern: '/conversations/{conversation_id}', operation: 'getConversation', body: 'none' },
  { method: 'POST', pattern: '/conversations/{conversation_id}', operation: 'updateConversation', body: 'json' },
  { method: 'GET', pattern: '/conversations/{conversation_id}/items', operation: 'listConversationItems', query: stepsQuery, body: 'none' },
  { method: 'POST', pattern: '/conversations/{conversation_id}/items', operation: 'createConversationItems', query: ['include[]'], body: 'json' },
  { method: 'GET', pattern: '/conversations/{conversation_id}/items/{item_id}', operation: 'getConversationItem', query: ['include[]'], body: 'none' },
];

/** runlens's own routes below `{basePath}/runlens/run-index` (Responses backend only), answered from the store. */
export const runIndexRoutes: readonly ProxyRoute[] = [
  { method: 'GET', pattern: '/conversations/{conversation_id}/runs', operation: 'runIndex.listRuns', query: listQuery, body: 'none' },
  { method: 'POST', pattern: '/runs', operation: 'runIndex.recordRun', body: 'json' },
  { method: 'POST', pattern: '/runs/{run_id}/responses', operation: 'runIndex.appendResponse', body: 'json' },
  { method: 'GET', pattern: '/runs/{run_id}', operation: 'runIndex.getChain', body: 'none' },
  { method: 'DELETE', pattern: '/runs/{run_id}', operation: 'runIndex.forgetRun', body: 'none' },
  { method: 'GET', pattern: '/responses/{response_id}/run', operation: 'runIndex.findRunByResponse', body: 'none' },
];

export const routesOf = (backend: ProxyBackend): readonly ProxyRoute[] => (backend === 'assistants' ? assistantsRoutes : responsesRoutes);

export type RouteMatch =
  | { kind: 'match'; route: ProxyRoute; params: Readonly<Record<string, string>> }
  /** The path is known but not with this method: the methods it takes, for `Allow`. */
  | { kind: 'method'; allow: RouteMethod[] }
  | { kind: 'none' };

/** Params of `pattern` in `segments` (already decoded and checked), or null when it does not match. */
function paramsOf(pattern: string, segments: readonly string[]): Record<string, string> | null {
  const parts = pattern.split('/').slice(1);
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of parts.entries()) {
    const segment = segments[i]!;
    if (part.startsWith('{')) params[part.slice(1, -1)] = segment;
    else if (part !== segment) return null;
  }
  return params;
}

/**
 * The route for `method` + `segments`. Methods are compared exactly (`get` is not `GET`). A literal
 * pattern wins over one with ids (`/threads/runs` is never thread `runs`).
 */
export function matchRoute(routes: readonly ProxyRoute[], method: string, segments: readonly string[]): RouteMatch {
  const candidates = routes
    .map((route) => ({ route, params: paramsOf(route.pattern, segments) }))
    .filter((candidate): candidate is { route: ProxyRoute; params: Record<string, string> } => candidate.params !== null);
  if (candidates.length === 0) return { kind: 'none' };
  const fewestIds = Math.min(...candidates.map(({ params }) => Object.keys(params).length));
  const best = candidates.filter(({ params }) => Object.keys(params).length === fewestIds);
  const found = best.find(({ route }) => route.method === method);
  if (found) return { kind: 'match', route: found.route, params: found.params };
  return { kind: 'method', allow: [...new Set(best.map(({ route }) => route.method))] };
}
