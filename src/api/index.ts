// The zod-free part of the boundary: the run statuses and event names, the RunsClient interface,
// the errors, and the hand-written pre-request checks. The `runlens` entry adds the run model's
// types (not its zod schemas); `runlens/core` adds the schemas, the create-call checks and the
// backends. So an app that imports only hooks carries no zod.
export * from './schemas/run-status.js';
export * from './schemas/event-names.js';
export * from './schemas/run-step-include.js';
export type {
  ListParams,
  ListRunStepsParams,
  RequestOptions,
  RunEventStream,
  RunsClient,
  RunWithPollHint,
  StreamRequestOptions,
} from './client.js';
export { capabilitiesOf, fullCapabilities, whyUnsupported, type Capability, type RunsCapabilities } from './capabilities.js';
export * from './bundle/index.js';
export { RunsApiError, RunsSchemaError, toRunsError, type RunsApiErrorInit } from './errors.js';
export {
  checkId,
  checkListParams,
  checkMetadata,
  checkRunStepInclude,
  checkToolOutputs,
  checkUpdateRunParams,
  firstProblem,
  LIST_LIMIT_RANGE,
  METADATA_LIMITS,
} from './checks.js';
