import OpenAI from 'openai';
import { createAssistantsRunsClient } from 'runlens/assistants';

// Run `npx runlens-emulator` first; it prints this URL.
const baseURL = process.env.RUNLENS_BASE_URL ?? 'http://127.0.0.1:4010/v1';
const openai = new OpenAI({ baseURL, apiKey: 'sk-emulator' });

// The official SDK's own helpers work unchanged against the emulator.
const assistant = await openai.beta.assistants.create({
  model: 'gpt-4o',
  metadata: { 'emulator.scenario': 'function_call' },
});
const thread = await openai.beta.threads.create();
let run = await openai.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistant.id });
console.log(run.status); // requires_action

const calls = run.required_action?.submit_tool_outputs.tool_calls ?? [];
run = await openai.beta.threads.runs.submitToolOutputsAndPoll(run.id, {
  thread_id: thread.id,
  tool_outputs: calls.map((call) => ({ tool_call_id: call.id, output: '{"temperature": 21}' })),
});
console.log(run.status); // completed

// runlens's client: the same operations, schema-checked, with cursors and the poll hint kept.
const runs = createAssistantsRunsClient(openai);
const page = await runs.listRuns(thread.id, { limit: 10 });
const steps = await runs.listRunSteps(thread.id, run.id, { order: 'asc' });
console.log(page.data.length, page.has_more, steps.data.map((step) => step.type));
// 1 false [ 'tool_calls', 'message_creation' ]
