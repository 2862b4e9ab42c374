import { messageSchema, runSchema, runStepSchema, type Message, type Run, type RunStep } from '../../src/api/schemas';
import { createEmulator, createManualClock } from '../../src/emulator';

/** A string that would create an element if anything rendered it as HTML. */
export const XSS = '<img src=x onerror=alert(1)>';

export const T0 = 1_767_225_600; // 2026-01-01T00:00:00Z, unix s

/** A completed run, parsed through the real schema; `overrides` are applied before parsing. */
export function makeRun(overrides: Record<string, unknown> = {}): Run {
  return runSchema.parse({
    id: 'run_1',
    object: 'thread.run',
    created_at: T0,
    thread_id: 'thread_1',
    assistant_id: 'asst_1',
    status: 'completed',
    required_action: null,
    last_error: null,
    expires_at: null,
    started_at: T0,
    cancelled_at: null,
    failed_at: null,
    completed_at: T0 + 10,
    incomplete_details: null,
    model: 'gpt-4o',
    instructions: null,
    tools: [],
    metadata: {},
    usage: { prompt_tokens: 1200, completion_tokens: 345, total_tokens: 1545 },
    temperature: 1,
    top_p: 1,
    max_prompt_tokens: null,
    max_completion_tokens: null,
    truncation_strategy: { type: 'auto', last_messages: null },
    tool_choice: 'auto',
    parallel_tool_calls: true,
    response_format: 'auto',
    ...overrides,
  });
}

export function makeStep(overrides: Record<string, unknown> = {}): RunStep {
  return runStepSchema.parse({
    id: 'step_1',
    object: 'thread.run.step',
    created_at: T0 + 1,
    assistant_id: 'asst_1',
    thread_id: 'thread_1',
    run_id: 'run_1',
    type: 'message_creation',
    status: 'completed',
    step_details: { type: 'message_creation', message_creation: { message_id: 'msg_1' } },
    last_error: null,
    expired_at: null,
    cancelled_at: null,
    failed_at: null,
    completed_at: T0 + 3,
    metadata: null,
    usage: null,
    ...overrides,
  });
}

export function toolCallsStep(toolCalls: unknown[], overrides: Record<string, unknown> = {}): RunStep {
  return makeStep({ type: 'tool_calls', step_details: { type: 'tool_calls', tool_calls: toolCalls }, ...overrides });
}

export function makeMessage(text: string, overrides: Record<string, unknown> = {}): Message {
  return messageSchema.parse({
    id: 'msg_1',
    object: 'thread.message',
    created_at: T0 + 2,
    thread_id: 'thread_1',
    status: 'completed',
    role: 'assistant',
    content: [{ type: 'text', text: { value: text, annotations: [] } }],
    assistant_id: 'asst_1',
    run_id: 'run_1',
    attachments: [],
    metadata: {},
    ...overrides,
  });
}

/** `count` one-second steps, one after another: one parsed step, copied (parsing 10 000 is slow). */
export function manySteps(count: number): RunStep[] {
  const template = makeStep();
  return Array.from({ length: count }, (_, index) => ({
    ...template,
    id: `step_${index}`,
    created_at: T0 + index,
    completed_at: T0 + index + 1,
  }));
}

/**
 * A run waiting for tool outputs, made by the real emulator (`function_call` scenario, two
 * parallel calls to a function whose parameters schema the form should follow).
 */
export async function emulatedRequiresActionRun(parameters: Record<string, unknown>): Promise<Run> {
  const clock = createManualClock(T0 * 1000);
  const emulator = createEmulator({ clock, seed: false });
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await emulator.handle(
      new Request(`http://emulator.test/v1${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', 'OpenAI-Beta': 'assistants=v2' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string };
  };
  const assistant = await call('POST', '/assistants', {
    model: 'gpt-4o',
    tools: [{ type: 'function', function: { name: 'get_weather', parameters } }],
    metadata: { 'emulator.scenario': 'function_call', 'emulator.parallel': '2' },
  });
  const thread = await call('POST', '/threads', {});
  await call('POST', `/threads/${thread.id}/messages`, { role: 'user', content: 'Weather in Paris?' });
  const created = await call('POST', `/threads/${thread.id}/runs`, { assistant_id: assistant.id });
  clock.advance(5_000);
  return runSchema.parse(await call('GET', `/threads/${thread.id}/runs/${created.id}`));
}
