import type { RunsClient } from './client.js';

/** `true`, or why the backend can't: the UI shows this text instead of offering the action. */
export type Capability = true | { unsupported: string };

/**
 * What a backend can do beyond reading runs. Components hide or disable an action whose capability
 * is not `true` and say why, instead of letting the click fail.
 */
export interface RunsCapabilities {
  /** `updateRun` changes a run's metadata after it was created. */
  updateMetadata: Capability;
  /** `cancelRun` can stop a run that has not ended. */
  cancel: Capability;
  /** A run waiting for tool outputs expires at `expires_at`; without, it waits for them indefinitely. */
  deadlines: Capability;
  /** `listRuns` takes a `before` cursor, so newer runs can be paged in above the loaded ones. */
  listBothWays: Capability;
  /**
   * A page of `listRuns` is one request for many runs, so refreshing the list keeps many live rows
   * fresh at once. Without it, live runs are polled one by one (each at the server's pace).
   */
  listInOneRequest: Capability;
  /** `createRun` / `createThreadRun` (and their streams) start a run; without, the UI offers no way to start one. */
  createRun: Capability;
  /** `submitToolOutputs` (and its stream) answers a run waiting in `requires_action`; without, the outputs form is not offered. */
  submitToolOutputs: Capability;
}

/** The Assistants API's: it can do all of these. Also what a RunsClient that declares none gets. */
export const fullCapabilities: RunsCapabilities = {
  updateMetadata: true,
  cancel: true,
  deadlines: true,
  listBothWays: true,
  listInOneRequest: true,
  createRun: true,
  submitToolOutputs: true,
};

/** The client's capabilities, each one it leaves out taken as supported. */
export function capabilitiesOf(client: Pick<RunsClient, 'capabilities'>): RunsCapabilities {
  return client.capabilities ? { ...fullCapabilities, ...client.capabilities } : fullCapabilities;
}

/** Why a capability is missing, or null when the backend has it. */
export function whyUnsupported(capability: Capability): string | null {
  return capability === true ? null : capability.unsupported;
}
