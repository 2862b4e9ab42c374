// Messages between the bench page and its emulator worker (emulator-worker.ts).

/** A status a run took, at epoch ms (performance.timeOrigin + performance.now(), comparable across threads). */
export interface StatusChange {
  runId: string;
  status: string;
  at: number;
}

/** One HTTP request of the page, carried to the worker as plain data. */
export interface BridgedRequest {
  url: string;
  method: string;
  headers: [string, string][];
  body: string | null;
}

export interface BridgedResponse {
  status: number;
  headers: [string, string][];
  body: string;
}

/** The workload: `runs` function_call runs with `rounds` rounds each, on one thread; see emulator-worker.ts. */
export interface LiveSetup {
  runs: number;
  rounds: number;
  /** Emulator ms per wall ms. */
  speed: number;
  /** Seeds the emulator's timing jitter and the agent's answer delays: the same seed, the same workload. */
  seed: number;
}

/** What the page asked, by kind, while counting. */
export interface RequestCounts {
  total: number;
  /** Requests in the emulator's own log over the same time, minus the worker's own (oracle and agent). */
  emulatorLog: number;
  byKind: Record<string, number>;
  /** When each refresh of the list began (its first page, no cursor), epoch ms. */
  listStarts: number[];
}

export type WorkerAsk =
  | { type: 'setup'; setup: LiveSetup }
  | { type: 'fetch'; request: BridgedRequest }
  | { type: 'start' }
  | { type: 'stop' };
export type ToWorker = WorkerAsk & { id: number };

export type FromWorker =
  | { id: number; type: 'ready'; threadId: string; runIds: string[] }
  | { id: number; type: 'response'; response: BridgedResponse }
  | { id: number; type: 'started' }
  | { id: number; type: 'stopped'; changes: StatusChange[]; requests: RequestCounts; activeAtStop: number }
  | { id: number; type: 'error'; message: string };

/** Epoch ms with sub-ms precision, the same clock in the page and in the worker. */
export const epochNow = (): number => performance.timeOrigin + performance.now();
