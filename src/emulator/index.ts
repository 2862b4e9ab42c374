// Browser-safe entry: no `node:` imports here or below (see ./node.ts for the HTTP server).
export { createManualClock, createSystemClock, type Clock, type ManualClock } from './clock.js';
export { createEmulator, type Emulator, type EmulatorOptions, type EmulatorRequestRecord } from './emulator.js';
export { demoIds } from './seed.js';
export { scenarioNames, timings, type ScenarioName } from './scenarios/index.js';
