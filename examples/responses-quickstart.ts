import OpenAI from 'openai';
import type { Run } from 'runlens';
import { createMemoryRunIndex, createResponsesRunsClient } from 'runlens/responses';

// Run `npx runlens-emulator` first; it serves the Responses API too.
const baseURL = process.env.RUNLENS_BASE_URL ?? 'http://127.0.0.1:4010/v1';
const openai = new OpenAI({ baseURL, apiKey: 'sk-emulator' });

const runs = createResponsesRunsClient(openai, {
  // The API lists no responses: runlens records the runs it starts. In a browser,
  // createLocalStorageRunIndex() keeps them across reloads.
  runIndex: createMemoryRunIndex(),
  // The API has no assistants: what an assistant id (e.g. from RunInspector's picker) stands for.
  assistants: {
    weather: {
      model: 'gpt-4.1',
      metadata: { 'emulator.scenario': 'function_call' }, // the emulator's script for this run
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }],
    },
  },
});

/** Polls at the server's pace until the run stops moving. */
async function settle(conversationId: string, run: Run): Promise<Run> {
  let waitMs = 100;
  while (run.status === 'queued' || run.status === 'in_progress') {
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    const next = await runs.getRun(conversationId, run.id);
    run = next.run;
    waitMs = next.pollAfterMs ?? 500;
  }
  return run;
}

// A thread is a conversation; the app creates it.
const { id: conversationId } = await openai.conversations.create({});
let run = await runs.createRun(conversationId, { assistant_id: 'weather', additional_messages: [{ role: 'user', content: 'Weather in Paris?' }] });
run = await settle(conversationId, run);
console.log(run.status); // requires_action

const calls = run.required_action?.submit_tool_outputs.tool_calls ?? [];
run = await runs.submitToolOutputs(conversationId, run.id, {
  tool_outputs: calls.map((call) => ({ tool_call_id: call.id, output: '{"temperature": 21}' })),
});
run = await settle(conversationId, run);
console.log(run.status); // completed

const steps = await runs.listRunSteps(conversationId, run.id, { order: 'asc' });
console.log(steps.data.map((step) => step.type)); // [ 'tool_calls', 'message_creation' ]
