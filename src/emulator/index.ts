// Browser-safe entry: no `node:` imports here or below (see ./node.ts for the HTTP server).
export { createManualClock, createSystemClock, type Clock, type ManualClock } from './clock.js';
export { createEmulator, type Emulator, type EmulatorOptions, type EmulatorRequestRecord } from './emulator.js';
export type { TimingJitter } from './jitter.js';
export { demoIds } from './seed.js';
export { scenarioNames, timings, type ScenarioName } from './scenarios/index.js';
export { responseScenarioNames, type ResponseScenarioName } from './responses/settings.js';
export type { DemoRun } from './responses/seed.js';
export { describeFaultProfile, describeFaultRule } from './faults/describe.js';
export type { EmulatorFaults, FaultLogEntry } from './faults/injector.js';
export { faultPresetNames, faultPresets, isFaultPresetName, type FaultPresetName } from './faults/presets.js';
export { FaultProfileError, parseFaultProfile, resolveFaultProfile } from './faults/profile.js';
export type {
  FaultKind, FaultProfile, FaultRule, FaultRuleBase, FaultTiming, LatencyFault, MalformedFault, RateLimitFault,
  ResetFault, SchemaFault, ServerErrorFault, SlowBodyFault, SseCutFault, SseStallFault, TruncateFault,
} from './faults/types.js';
