import { badRequest } from '../errors.js';
import type { Metadata } from '../types.js';

export const scenarioNames = [
  'message',
  'function_call',
  'code_interpreter',
  'file_search',
  'fail',
  'incomplete',
  'expire',
  'slow',
  'bulk',
] as const;
export type ScenarioName = (typeof scenarioNames)[number];

/** What a run will do, read from `emulator.*` metadata keys (the run's win over the assistant's). */
export interface ScenarioSettings {
  scenario: ScenarioName;
  /** Tool calls per `requires_action` (function_call/expire). `emulator.parallel`, 1–8. */
  parallel: number;
  /** How many times the run asks for tool outputs. `emulator.rounds`, 1–5. */
  rounds: number;
  /** Completed steps the `bulk` scenario lays out. `emulator.steps`, 1–10000. @default 100 */
  steps: number;
  /**
   * `emulator.fail_step`, 1–10000 (at most `emulator.steps`): the 1-based bulk step that is a
   * `charge_card` function call which fails (step `failed`, `last_error` server_error); the run then
   * fails with the same error and lays out no further steps. Only the `bulk` scenario reads it.
   * @example { 'emulator.scenario': 'bulk', 'emulator.steps': '10000', 'emulator.fail_step': '9990' } // a 9 990-step failed run
   */
  failStep?: number;
  /** `emulator.text`: a string carried into replies, arguments, logs, file names and contents (see custom-text.ts). */
  text?: string;
}

const isScenario = (value: string): value is ScenarioName => (scenarioNames as readonly string[]).includes(value);

/** `emulator.<key>` as an integer 1–max, or undefined when absent; anything else is a 400. Both APIs' scenarios read these. */
export function integerSetting(metadata: Metadata, key: string, max: number): number | undefined {
  const raw = metadata[key];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw badRequest(`Invalid 'metadata': '${key}' must be an integer from 1 to ${max}, got '${raw}'.`, 'metadata', 'invalid_value');
  }
  return value;
}

/** The 400 for an `emulator.scenario` the API in question has no scenario for. */
export function unknownScenario(scenario: string, names: readonly string[]): Error {
  return badRequest(
    `Invalid 'metadata': unknown emulator.scenario '${scenario}'. Supported values are: ${names.map((n) => `'${n}'`).join(', ')}.`,
    'metadata',
    'invalid_value',
  );
}

/** Rejects `emulator.*` values the emulator cannot act on, so a typo fails loudly instead of silently running `message`. */
export function checkEmulatorMetadata(metadata: Metadata): void {
  const scenario = metadata['emulator.scenario'];
  if (scenario !== undefined && !isScenario(scenario)) {
    throw unknownScenario(scenario, scenarioNames);
  }
  integerSetting(metadata, 'emulator.parallel', 8);
  integerSetting(metadata, 'emulator.rounds', 5);
  integerSetting(metadata, 'emulator.steps', maxBulkSteps);
  integerSetting(metadata, 'emulator.fail_step', maxBulkSteps);
}

/**
 * `emulator.fail_step` of a bulk run, or undefined; past `emulator.steps` it could never fail, so
 * that is a 400 too (checked on the merged settings: assistant and run may each set one of them).
 */
export function failStepSetting(merged: Metadata, scenario: string, steps: number): number | undefined {
  const failStep = integerSetting(merged, 'emulator.fail_step', maxBulkSteps);
  if (failStep === undefined || scenario !== 'bulk') return undefined;
  if (failStep > steps) {
    throw badRequest(
      `Invalid 'metadata': 'emulator.fail_step' must be at most 'emulator.steps' (${steps}), got '${merged['emulator.fail_step']}'.`,
      'metadata',
      'invalid_value',
    );
  }
  return failStep;
}

/**
 * Thread metadata `emulator.concurrent_runs: 'true'` lets that thread hold any number of active
 * runs at once. The Assistants API allowed one; this is for load-testing run lists (100 live
 * rows), as a backend with concurrent runs per conversation would fill them.
 */
export function allowsConcurrentRuns(threadMetadata: Metadata): boolean {
  return threadMetadata['emulator.concurrent_runs'] === 'true';
}

/** Upper bound of `emulator.steps`. */
export const maxBulkSteps = 10_000;

export function resolveSettings(assistantMetadata: Metadata, runMetadata: Metadata, parallelToolCalls: boolean): ScenarioSettings {
  const merged: Metadata = { ...assistantMetadata, ...runMetadata };
  checkEmulatorMetadata(merged);
  const scenario = merged['emulator.scenario'] ?? 'message';
  const steps = integerSetting(merged, 'emulator.steps', maxBulkSteps) ?? 100;
  const failStep = failStepSetting(merged, scenario, steps);
  return {
    scenario: isScenario(scenario) ? scenario : 'message',
    // parallel_tool_calls: false means one call at a time, as the API promised.
    parallel: parallelToolCalls ? (integerSetting(merged, 'emulator.parallel', 8) ?? 1) : 1,
    rounds: integerSetting(merged, 'emulator.rounds', 5) ?? 1,
    steps,
    ...(failStep !== undefined ? { failStep } : {}),
    ...(merged['emulator.text'] ? { text: merged['emulator.text'] } : {}),
  };
}
