import { failStepSetting, integerSetting, maxBulkSteps, unknownScenario } from '../scenarios/settings.js';
import type { Metadata } from '../types.js';

export const responseScenarioNames = ['message', 'function_call', 'reasoning', 'code_interpreter', 'file_search', 'fail', 'incomplete', 'slow', 'bulk'] as const;
export type ResponseScenarioName = (typeof responseScenarioNames)[number];

/** What a response will do, from `emulator.*` metadata. */
export interface ResponseSettings {
  scenario: ResponseScenarioName;
  /** Function calls per round. `emulator.parallel`, 1–8 (1 when `parallel_tool_calls` is false). */
  parallel: number;
  /** Rounds of function calls before the final message. `emulator.rounds`, 1–5. */
  rounds: number;
  /** Output items the `bulk` scenario lays out. `emulator.steps`, 1–10000. @default 100 */
  steps: number;
  /**
   * `emulator.fail_step`, 1–10000 (at most `emulator.steps`): the 1-based bulk item that is a
   * `charge_card` function_call left `incomplete` as the response fails (server_error); nothing follows it.
   */
  failStep?: number;
  /** `emulator.text`, appended to reply text. */
  text?: string;
}

const isScenario = (value: string): value is ResponseScenarioName => (responseScenarioNames as readonly string[]).includes(value);

/**
 * Settings from metadata: the conversation's, then the previous response's, then the request's
 * own (later wins), so a follow-up turn keeps its scenario without repeating it.
 */
export function resolveResponseSettings(layers: Metadata[], parallelToolCalls: boolean): ResponseSettings {
  const merged: Metadata = Object.assign({}, ...layers) as Metadata;
  const scenario = merged['emulator.scenario'] ?? 'message';
  if (!isScenario(scenario)) {
    throw unknownScenario(scenario, responseScenarioNames);
  }
  const parallel = integerSetting(merged, 'emulator.parallel', 8) ?? 1;
  const steps = integerSetting(merged, 'emulator.steps', maxBulkSteps) ?? 100;
  const failStep = failStepSetting(merged, scenario, steps);
  return {
    scenario,
    parallel: parallelToolCalls ? parallel : 1,
    rounds: integerSetting(merged, 'emulator.rounds', 5) ?? 1,
    steps,
    ...(failStep !== undefined ? { failStep } : {}),
    ...(merged['emulator.text'] ? { text: merged['emulator.text'] } : {}),
  };
}
