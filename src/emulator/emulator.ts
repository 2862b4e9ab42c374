import { createSystemClock, type Clock } from './clock.js';
import { applyCors, preflight } from './cors.js';
import { Engine } from './engine.js';
import { badRequest, invalidUrl } from './errors.js';
import { errorJson, readJsonBody } from './http.js';
import { createFaultInjector, type EmulatorFaults } from './faults/injector.js';
import type { FaultPresetName } from './faults/presets.js';
import { isNetworkError, rejectNetworkError } from './faults/reset.js';
import type { FaultProfile } from './faults/types.js';
import { createIdFactory } from './ids.js';
import { createJitter, type TimingJitter } from './jitter.js';
import { isResponsesRoute } from './responses/routes.js';
import { findRoute } from './router.js';
import { routes } from './routes.js';
import { seedDemoData } from './seed.js';
import { seedDemoResponses, type DemoRun } from './responses/seed.js';

export interface EmulatorOptions {
  /** Where time comes from. @default a system clock at `speed` */
  clock?: Clock;
  /** Used only when no clock is given. @default 1 */
  speed?: number;
  /** Load the demo assistants, threads and runs. @default true */
  seed?: boolean;
  /**
   * Failures to inject: a preset name (`'flaky'`, `'outage'`, …) or a profile of rules; switch later
   * with `emulator.faults.set()`. An invalid one throws FaultProfileError. See the README's Faults section.
   * @default null (no faults)
   */
  faults?: FaultProfile | FaultPresetName | null;
  /**
   * Send `openai-poll-after-ms` with runs. `false` is a server that gives polling clients no hint.
   * @default true
   */
  pollHints?: boolean;
  /**
   * Stretch each phase of a run (its time queued, each step) by a seeded lognormal factor, so
   * timings are not the scenarios' round numbers. Cancel and `expires_at` keep theirs.
   * @default undefined (the scenarios' exact timings)
   * @example createEmulator({ timingJitter: { sigma: 0.5, seed: 7 } })
   */
  timingJitter?: TimingJitter;
}

export interface EmulatorRequestRecord {
  method: string;
  path: string;
  search: string;
  /** Clock ms when the request arrived. */
  at: number;
  /** The `x-request-id` its answer carries (and `faults.log` names). */
  requestId: string;
}

export interface Emulator {
  /** The Fetch handler. */
  handle(request: Request): Promise<Response>;
  /** The same handler with fetch's signature, for `new OpenAI({ fetch })`. */
  fetch: typeof fetch;
  clock: Clock;
  /** Every request received, in order. */
  requests: EmulatorRequestRecord[];
  /** Fault injection: the active profile, `set()` to switch it at run time, and the `log` of injected faults. */
  faults: EmulatorFaults;
  /**
   * The seeded Responses runs (empty with `seed: false`), as a run index records them. The API lists
   * no responses, so a Responses app finds the demo's runs through its index:
   * `createMemoryRunIndex({ runs: emulator.demoRuns })`.
   */
  demoRuns: readonly DemoRun[];
}

/** The API served under any prefix ending in `/v1` (`http://host/v1`, `https://api.openai.com/v1`, `/mock/v1`). */
const versionedPath = /^.*?\/v1(\/.*)?$/;

function checkBetaHeader(request: Request): void {
  const beta = request.headers.get('openai-beta') ?? '';
  if (beta.includes('assistants=v2')) return;
  if (beta.includes('assistants=v1')) {
    throw badRequest("The v1 Assistants API has been deprecated. Please try again by setting the header 'OpenAI-Beta: assistants=v2'.", null, 'invalid_beta');
  }
  throw badRequest(
    "You must provide the 'OpenAI-Beta' header to access the Assistants API. Please try again by setting the header 'OpenAI-Beta: assistants=v2'.",
    null,
    'invalid_beta',
  );
}

/**
 * A spec-faithful Assistants API (assistants, threads, messages, runs, run steps) as a Fetch
 * handler, driven by `clock`.
 * @example
 * const emulator = createEmulator();
 * const openai = new OpenAI({ apiKey: 'sk-emulator', baseURL: 'http://localhost/v1', fetch: emulator.fetch });
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const clock = options.clock ?? createSystemClock({ speed: options.speed ?? 1 });
  const engine = new Engine(clock, createIdFactory(), options.timingJitter ? createJitter(options.timingJitter) : undefined);
  // Request ids come from their own sequence so object ids stay the same however many requests came first.
  const requestIds = createIdFactory(0x5eed1234);
  const seed = options.seed ?? true;
  if (seed) seedDemoData(engine);
  const demoRuns = seed ? seedDemoResponses(engine) : [];
  const requests: EmulatorRequestRecord[] = [];

  const injector = createFaultInjector(clock, options.faults ?? null);

  async function route(request: Request, url: URL, path: string | undefined): Promise<Response> {
    const found = path === undefined ? undefined : findRoute(routes, request.method, path);
    if (!found) throw invalidUrl(request.method, url.pathname);
    // The Responses and Conversations API is not a beta: only the Assistants routes need the header.
    if (!isResponsesRoute(found.route)) checkBetaHeader(request);
    const body = request.method === 'POST' ? await readJsonBody(request) : {};
    // Read the time only now: reading the body may have let other requests move state forward.
    const now = clock.now();
    engine.tick(now);
    return found.route.handler({ request, url, params: found.params, body, engine, now, speed: clock.speed ?? 1 });
  }

  const answer = (request: Request, url: URL, path: string | undefined): Promise<Response> => route(request, url, path).catch(errorJson);

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const requestId = requestIds.requestId();
    requests.push({ method: request.method, path: url.pathname, search: url.search, at: clock.now(), requestId });
    const path = versionedPath.exec(url.pathname)?.[1];
    let response: Response;
    try {
      // Preflights are never faulted: a browser that cannot preflight sees no API at all.
      response =
        request.method === 'OPTIONS'
          ? preflight(request)
          : await injector.run({ request, path: path ?? url.pathname, requestId }, () => answer(request, url, path));
    } catch (error) {
      if (request.signal.aborted) throw error; // the client left while a latency fault held its request
      response = errorJson(error);
    }
    // A dropped connection (Response.error()) has no headers to set.
    if (isNetworkError(response)) return response;
    if (options.pollHints === false) response.headers.delete('openai-poll-after-ms');
    response.headers.set('x-request-id', requestId);
    response.headers.set('openai-version', '2020-10-01');
    applyCors(request, response.headers);
    return response;
  }

  // A dropped connection makes fetch reject, as a real one would.
  const fetchHandler = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => handle(new Request(input, init)).then(rejectNetworkError);
  return { handle, fetch: fetchHandler as typeof fetch, clock, requests, faults: injector.faults, demoRuns };
}
