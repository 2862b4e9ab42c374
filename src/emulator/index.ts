// Browser-safe entry: no `node:` imports here or below (see ./node.ts for the HTTP server).
export { createManualClock, createSystemClock, type Clock, type ManualClock } from './clock';
export { createEmulator, type Emulator, type EmulatorOptions, type EmulatorRequestRecord } from './emulator';
export { demoIds } from './seed';
export { scenarioNames, timings, type ScenarioName } from './scenarios';
