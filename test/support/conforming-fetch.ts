// A fetch for the official SDK that checks every answer it receives against a spec (real HTTP
// underneath): JSON by route, each SSE event by its name. Problems are collected, not thrown, so
// the test that caused them fails in its afterEach with all of them listed.

export interface ConformingFetchOptions {
  /** Route → the component schema its successful JSON answers follow (null: the spec gives none). */
  routes: readonly (readonly [method: string, path: RegExp, schema: string | null])[];
  /** Why a JSON body does not conform to `schema`, or null. */
  jsonProblem(schema: string, body: unknown): string | null;
  /** Why an SSE event (its `event:` name and raw `data:`) does not conform, or null. */
  eventProblem(name: string, data: string): string | null;
}

export interface ConformingFetch {
  fetch: typeof fetch;
  /** Waits for every stream still being checked, then hands over (and clears) the problems found. */
  takeProblems(): Promise<string[]>;
}

export function createConformingFetch({ routes, jsonProblem, eventProblem }: ConformingFetchOptions): ConformingFetch {
  const problems: string[] = [];
  const watching = new Set<Promise<void>>();

  async function checkEvents(where: string, body: Response): Promise<void> {
    const text = await body.text().catch(() => '');
    for (const block of text.split('\n\n').filter(Boolean)) {
      const event = /^event: (.+)\ndata: (.*)$/s.exec(block);
      if (!event?.[1] || !event[2]) {
        problems.push(`${where} → malformed SSE block ${JSON.stringify(block)}`);
        continue;
      }
      const problem = eventProblem(event[1], event[2]);
      if (problem) problems.push(`${where} ${event[1]} → ${problem}`);
    }
  }

  async function conformingFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = new Request(input, init);
    const response = await fetch(request);
    const path = new URL(request.url).pathname;
    const where = `${request.method} ${path} ${response.status}`;
    const contentType = response.headers.get('content-type') ?? '';
    if (contentType.startsWith('text/event-stream')) {
      const watched = checkEvents(where, response.clone()).finally(() => watching.delete(watched));
      watching.add(watched);
    } else if (contentType.startsWith('application/json')) {
      const body: unknown = await response.clone().json();
      const route = routes.find(([method, pattern]) => method === request.method && pattern.test(path));
      const schema = response.ok ? route?.[2] : 'ErrorResponse';
      if (route === undefined && response.ok) problems.push(`${where} → no schema known for this route`);
      else if (schema) {
        const problem = jsonProblem(schema, body);
        if (problem) problems.push(`${where} → ${problem}`);
      }
    }
    return response;
  }

  return {
    fetch: conformingFetch,
    async takeProblems() {
      await Promise.all(watching);
      return problems.splice(0);
    },
  };
}
