// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { RunsClient } from '../../src/api/client';
import { collectRunBundle } from '../../src/api/bundle';
import type { Message, Run, RunStep } from '../../src/api/schemas';
import { createAssistantsRunsClient } from '../../src/backends/assistants/client';
import { createResponsesRunsClient } from '../../src/backends/responses/client';
import { createRunSearchIndex, stepSearchText, stepToolNames, type StepMatch } from '../../src/primitives';
import { startTestBackend } from '../support/emulator';

// Search inside a run, over steps and messages the emulator served through the official SDK
// (a bulk run whose `emulator.fail_step` is the failed `charge_card` call to find).

interface EmulatedRun {
  run: Run;
  steps: RunStep[];
  messages: Map<string, Message>;
}

/** Every step (asc, with file-search content) and every message its steps wrote: the run as its export reads it. */
async function readRun(client: RunsClient, threadId: string, runId: string): Promise<EmulatedRun> {
  const { run, steps, messages } = await collectRunBundle(client, threadId, runId);
  return { run, steps, messages: new Map(messages.map((message) => [message.id, message])) };
}

/** A bulk run on the Assistants API over HTTP, run to its end. */
async function bulkRun(metadata: Record<string, string>): Promise<EmulatedRun> {
  const { openai, clock } = await startTestBackend();
  const assistant = await openai.beta.assistants.create({ model: 'gpt-4o', metadata: { 'emulator.scenario': 'bulk', ...metadata } });
  const thread = await openai.beta.threads.create({ messages: [{ role: 'user', content: 'Check every item in the catalogue.' }] });
  const created = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
  clock.advance(2_000 + Number(metadata['emulator.steps'] ?? 100) * 10);
  return readRun(createAssistantsRunsClient(openai), thread.id, created.id);
}

const error = 'charge_card failed: the payment service timed out.';
const ids = (matches: StepMatch[]) => matches.map((m) => m.index);
const toolOf = (step: RunStep | undefined) => (step?.step_details.type === 'tool_calls' ? step.step_details.tool_calls[0]?.type : step?.step_details.type);

describe('stepToolNames and stepSearchText', () => {
  it('name each tool and give each field its text, as the emulator served them', async () => {
    const { steps, messages } = await bulkRun({ 'emulator.steps': '5', 'emulator.fail_step': '5' });
    expect(steps.map(stepToolNames)).toEqual([['lookup'], ['code_interpreter'], ['file_search'], ['lookup'], ['charge_card']]);
    expect(messages.size).toBe(0);
    expect(steps.map((step) => stepSearchText(step))).toEqual([
      { arguments: '{"index":0,"query":"item 0"}', output: '{"index":0,"ok":true}', tool_name: 'lookup' },
      { code: 'print(1 * 2)', logs: '2\n', tool_name: 'code_interpreter' },
      { file_search: 'run-lifecycle-guide.md\nChunk 2 of the guide.', tool_name: 'file_search' },
      { arguments: '{"index":3,"query":"item 3"}', output: '{"index":3,"ok":true}', tool_name: 'lookup' },
      { arguments: '{"order":"ord_5","amount_cents":1299}', tool_name: 'charge_card', error },
    ]);
  });

  it('give a message step the text of the message it wrote, when that message is given', async () => {
    const { steps, messages } = await bulkRun({ 'emulator.steps': '2' });
    const step = steps.at(-1) as RunStep;
    expect(stepToolNames(step)).toEqual([]);
    expect(stepSearchText(step)).toEqual({});
    const message = [...messages.values()][0];
    expect(stepSearchText(step, message)).toEqual({ message: 'Done: 2 steps for “Check every item in the catalogue.”.' });
  });
});

describe('createRunSearchIndex', () => {
  it('finds the failed call by its tool name, and each field by its own text', async () => {
    const { steps, messages } = await bulkRun({ 'emulator.steps': '12', 'emulator.fail_step': '10' });
    const index = createRunSearchIndex(steps, messages);
    expect(index.search('charge_card')).toEqual([{ stepId: steps[9]?.id, index: 9, fields: ['tool_name', 'error'] }]);
    expect(index.search('"ok":true').map((m) => [m.index, m.fields])).toEqual([0, 3, 6].map((i) => [i, ['output']]));
    expect(index.search('item 6')).toEqual([{ stepId: steps[6]?.id, index: 6, fields: ['arguments'] }]);
    expect(index.search('print(7 * 2)').map((m) => m.fields)).toEqual([['code']]);
    expect(index.search('14\n').map((m) => [m.index, m.fields])).toEqual([[7, ['logs']]]);
    expect(index.search('chunk 8 of').map((m) => [m.index, m.fields])).toEqual([[8, ['file_search']]]);
    expect(ids(index.search('run-lifecycle-guide'))).toEqual([2, 5, 8]);
    expect(index.search('payment service').map((m) => [m.index, m.fields])).toEqual([[9, ['error']]]);
    expect(index.search('ord_10')).toEqual([{ stepId: steps[9]?.id, index: 9, fields: ['arguments'] }]);
    expect(ids(index.search('lookup'))).toEqual([0, 3, 6]);
    expect(index.search('no such text')).toEqual([]);
  });

  it('finds message text through the messages map', async () => {
    const { steps, messages } = await bulkRun({ 'emulator.steps': '3' });
    expect(createRunSearchIndex(steps).search('done: 3 steps')).toEqual([]);
    const last = steps.length - 1;
    // The same step objects, now with their messages: the index picks the message up.
    expect(createRunSearchIndex(steps, messages).search('DONE: 3 STEPS')).toEqual([{ stepId: steps[last]?.id, index: last, fields: ['message'] }]);
  });

  it('is case-insensitive and trims the query; an empty query with no filters matches nothing', async () => {
    const { steps } = await bulkRun({ 'emulator.steps': '6', 'emulator.fail_step': '6' });
    const index = createRunSearchIndex(steps);
    expect(index.search('  CHARGE_Card\t')).toEqual(index.search('charge_card'));
    expect(index.search('')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
    expect(index.search('', {})).toEqual([]);
    expect(index.search('', { statuses: [], toolNames: [], stepTypes: [] })).toEqual([]);
  });

  it('filters by step type, tool name and status: alone (every passing step) or with text', async () => {
    const { steps, messages } = await bulkRun({ 'emulator.steps': '9' });
    const withFailure = await bulkRun({ 'emulator.steps': '9', 'emulator.fail_step': '8' });
    const index = createRunSearchIndex(steps, messages);
    expect(index.search('', { stepTypes: ['message_creation'] })).toEqual([{ stepId: steps[9]?.id, index: 9, fields: [] }]);
    expect(ids(index.search('', { stepTypes: ['tool_calls'] }))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ids(index.search('', { toolNames: ['code_interpreter'] }))).toEqual([1, 4, 7]);
    expect(ids(index.search('', { toolNames: ['code_interpreter', 'file_search'] }))).toEqual([1, 2, 4, 5, 7, 8]);
    expect(ids(index.search('item', { toolNames: ['file_search'] }))).toEqual([]);
    expect(ids(index.search('item', { toolNames: ['lookup'] }))).toEqual([0, 3, 6]);
    expect(ids(index.search('steps', { stepTypes: ['message_creation'] }))).toEqual([9]);
    expect(index.search('', { statuses: ['failed'] })).toEqual([]);

    const failing = createRunSearchIndex(withFailure.steps);
    expect(failing.search('', { statuses: ['failed'] })).toEqual([{ stepId: withFailure.steps[7]?.id, index: 7, fields: [] }]);
    expect(ids(failing.search('', { statuses: ['completed'], toolNames: ['lookup', 'charge_card'] }))).toEqual([0, 3, 6]);
    expect(ids(failing.search('charge', { statuses: ['failed'], stepTypes: ['tool_calls'], toolNames: ['charge_card'] }))).toEqual([7]);
  });

  it('lists the tool names, step types and statuses present, sorted', async () => {
    const { steps, messages } = await bulkRun({ 'emulator.steps': '4' });
    const index = createRunSearchIndex(steps, messages);
    expect(index.toolNames()).toEqual(['code_interpreter', 'file_search', 'lookup']);
    expect(index.stepTypes()).toEqual(['message_creation', 'tool_calls']);
    expect(index.statuses()).toEqual(['completed']);
    const failed = createRunSearchIndex((await bulkRun({ 'emulator.steps': '4', 'emulator.fail_step': '2' })).steps);
    expect(failed.toolNames()).toEqual(['charge_card', 'lookup']);
    expect(failed.statuses()).toEqual(['completed', 'failed']);
  });

  it('gives the same results key by key as typing on, deleting and changing filters, as a fresh index', async () => {
    const { steps } = await bulkRun({ 'emulator.steps': '30', 'emulator.fail_step': '25' });
    const typed = createRunSearchIndex(steps);
    const queries = ['c', 'ch', 'cha', 'charge', 'chunk', 'chunk 1', 'chunk 14', 'chunk 1', 'c', '', 'i', 'item 2', 'item 21'];
    for (const filters of [undefined, { toolNames: ['file_search', 'charge_card'] }, { statuses: ['completed' as const] }]) {
      for (const query of queries) expect(typed.search(query, filters), `${query} ${JSON.stringify(filters)}`).toEqual(createRunSearchIndex(steps).search(query, filters));
    }
  });

  it('an index over a longer array (a page appended) or a changed step answers for what it was given', async () => {
    const { steps } = await bulkRun({ 'emulator.steps': '250', 'emulator.fail_step': '240' });
    const firstPage = steps.slice(0, 100);
    expect(createRunSearchIndex(firstPage).search('charge_card')).toEqual([]);
    expect(ids(createRunSearchIndex(firstPage).search('item 12'))).toEqual([12]);
    expect(ids(createRunSearchIndex(steps).search('charge_card'))).toEqual([239]);
    expect(ids(createRunSearchIndex(steps).search('item 12'))).toEqual([12, 120, 123, 126, 129]);
    // A step replaced by a new object (as the query cache does on change) is read afresh.
    const changed = steps.map((step, i) => (i === 3 ? { ...step, last_error: { code: 'rate_limit_exceeded', message: 'Slow down' } } : step));
    expect(createRunSearchIndex(changed).search('slow down')).toEqual([{ stepId: steps[3]?.id, index: 3, fields: ['error'] }]);
    expect(createRunSearchIndex(steps).search('slow down')).toEqual([]);
  });

  it('matches hostile and non-Latin strings (emulator.text) as plain text, in any case', async () => {
    const text = '<img src=x onerror=alert(1)> Straße ΟΔΟΣ İstanbul שלום 🎉 \u0000';
    const { steps, messages } = await bulkRun({ 'emulator.steps': '4', 'emulator.text': text });
    const index = createRunSearchIndex(steps, messages);
    const everyStep = steps.map((_, i) => i);
    expect(ids(index.search('<IMG SRC=X ONERROR=ALERT(1)>'))).toEqual(everyStep);
    expect(ids(index.search('STRASSE'))).toEqual([]);
    expect(ids(index.search('straße'))).toEqual(everyStep);
    // Capital ΟΔΟΣ is found by its lowercase spelling, final sigma and all.
    expect(ids(index.search('οδος'))).toEqual(everyStep);
    expect(ids(index.search('ΟΔΟΣ'))).toEqual(everyStep);
    expect(ids(index.search('İSTANBUL'))).toEqual(everyStep);
    // İ folds to two code units, so each field's place in the folded text is found again: fields stay exact.
    expect(index.search('İSTANBUL').map((m) => m.fields)).toEqual([['arguments', 'output'], ['logs'], ['file_search'], ['arguments', 'output'], ['message']]);
    expect(ids(index.search('שלום 🎉'))).toEqual(everyStep);
    // The separator between fields cannot be smuggled in to match across them.
    expect(ids(index.search('\u0000'))).toEqual([]);
    expect(index.search('alert(1)').find((m) => m.index === steps.length - 1)?.fields).toEqual(['message']);
  });
});

describe('the failed call at 10 000 steps', () => {
  it('is the one match for its tool name and the one failed step, on the Assistants API', async () => {
    const { run, steps } = await bulkRun({ 'emulator.steps': '10000', 'emulator.fail_step': '9990' });
    expect(run.status).toBe('failed');
    expect(steps).toHaveLength(9_990);
    const index = createRunSearchIndex(steps);
    expect(index.search('charge_card')).toEqual([{ stepId: steps[9_989]?.id, index: 9_989, fields: ['tool_name', 'error'] }]);
    expect(ids(index.search('', { statuses: ['failed'] }))).toEqual([9_989]);
    expect(ids(index.search('item 998'))).toEqual([9_981, 9_984, 9_987]); // the lookup steps (every third) up to the failure
    expect(index.search('lookup')).toHaveLength(3_330);
  }, 60_000);

  it('is findable the same way through the Responses backend', async () => {
    const { openai, clock } = await startTestBackend();
    const conversation = await openai.conversations.create({});
    const client = createResponsesRunsClient(openai, {
      assistants: { asst_bulk: { model: 'gpt-4o', metadata: { 'emulator.scenario': 'bulk', 'emulator.steps': '10000', 'emulator.fail_step': '9990' } } },
    });
    const created = await client.createRun(conversation.id, { assistant_id: 'asst_bulk', additional_messages: [{ role: 'user', content: 'Check the catalogue' }] });
    clock.advance(110_000);
    const { run, steps } = await readRun(client, conversation.id, created.id);
    expect(run).toMatchObject({ status: 'failed', last_error: { code: 'server_error', message: error } });
    expect(steps).toHaveLength(9_990);
    const index = createRunSearchIndex(steps);
    expect(index.search('charge_card')).toEqual([{ stepId: steps[9_989]?.id, index: 9_989, fields: ['tool_name', 'error'] }]);
    expect(ids(index.search('', { statuses: ['failed'] }))).toEqual([9_989]);
    expect(index.toolNames()).toEqual(['charge_card', 'code_interpreter', 'file_search', 'reasoning']);
    // A kind runlens does not model (a reasoning item) is found by its strings.
    expect(index.search('step 3 of 10000').map((m) => [toolOf(steps[m.index]), m.fields])).toEqual([['unknown', ['output']]]);
  }, 60_000);
});
