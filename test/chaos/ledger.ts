import { RunsApiError, RunsSchemaError } from '../../src/api/errors';
import type { ToolOutput } from '../../src/api/schemas';
import type { TabName } from './plan';

/** What the person did and was told, kept to be checked against the server afterwards. */
export interface Ledger {
  creates: { attempt: number; ok: boolean; runId?: string; error?: string }[];
  /** Every submit click: the outputs given and whether the layer said they landed. */
  answers: { tab: TabName; runId: string; outputs: ToolOutput[]; resolved: boolean; error?: string }[];
  cancels: { tab: TabName; ok: boolean; error?: string }[];
  /** One action made the layer send a request more than once (SDK retries not counted). */
  duplicateSends: string[];
  /** Clicks whose mutation had not settled after `CLICK_PATIENCE_MS`: a spinner that never ends. */
  hangs: string[];
  /** What did not happen as planned, or was odd without breaking an invariant. */
  notes: string[];
}

export const emptyLedger = (): Ledger => ({ creates: [], answers: [], cancels: [], duplicateSends: [], hangs: [], notes: [] });

/** How long (wall) the person waits for a click to settle before calling it hung and moving on. */
export const CLICK_PATIENCE_MS = 10_000;

export const STILL_PENDING = Symbol('still pending');

/**
 * The click's outcome, or STILL_PENDING once `CLICK_PATIENCE_MS` passed (the person gives up
 * waiting; the mutation goes on, and settles when the tab closes and aborts it).
 */
export async function withPatience<T>(click: Promise<T>): Promise<T | typeof STILL_PENDING> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const patience = new Promise<typeof STILL_PENDING>((resolve) => (timer = setTimeout(() => resolve(STILL_PENDING), CLICK_PATIENCE_MS)));
  try {
    return await Promise.race([click, patience]);
  } finally {
    clearTimeout(timer);
    click.catch(() => undefined);
  }
}

/** An error as a person (and a failure report) would read it: its code if it has one, else its kind. */
export function describeError(error: unknown): string {
  if (RunsApiError.is(error)) return `${error.name}(${error.status ?? '-'} ${error.code ?? error.type ?? ''}): ${error.detail}`.slice(0, 200);
  if (RunsSchemaError.is(error)) return `RunsSchemaError: ${error.detail}`.slice(0, 200);
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 200);
  return String(error).slice(0, 200);
}

/** The refusals after which a person does not click Submit again: the form says why. */
export function isFinalRefusal(error: unknown): boolean {
  if (!RunsApiError.is(error)) return false;
  return [
    'tool_outputs_already_answered',
    'tool_outputs_already_submitted',
    'tool_outputs_in_flight',
    'run_not_awaiting_outputs',
    'tool_outputs_unknown',
    'tool_outputs_missing',
  ].includes(error.code ?? '');
}
