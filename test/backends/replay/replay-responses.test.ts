import { describe, expect, it } from 'vitest';
import { collectRunBundle, createResponsesRunsClient, RunsApiError, type AssistantTool } from '../../../src/core';
import { createReplayRunsClient } from '../../../src/backends/replay';
import { startResponsesEmulator } from '../responses/emulator';
import { driveToEnd } from './runs';
import { expectSameReads } from './same-reads';

// Runs of the Responses backend (a chain of background responses on the emulator's Responses API,
// over HTTP through the official SDK), exported and replayed: the replay answers as that backend did.

const cases: { scenario: string; metadata: Record<string, string>; tools: AssistantTool[] }[] = [
  { scenario: 'function_call', metadata: { 'emulator.parallel': '2' }, tools: [{ type: 'function' as const, function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }] },
  { scenario: 'code_interpreter', metadata: {}, tools: [{ type: 'code_interpreter' as const }] },
  { scenario: 'file_search', metadata: {}, tools: [{ type: 'file_search' as const }] },
  { scenario: 'fail', metadata: {}, tools: [] },
  { scenario: 'bulk', metadata: { 'emulator.steps': '250' }, tools: [] },
];

describe('collectRunBundle → JSON → createReplayRunsClient (Responses backend)', () => {
  it.each(cases)('$scenario', async ({ scenario, metadata, tools }) => {
    const { openai, clock, conversationId } = await startResponsesEmulator();
    const client = createResponsesRunsClient(openai, { assistants: { asst: { model: 'gpt-4o', metadata: { 'emulator.scenario': scenario, ...metadata }, tools } } });
    const created = await client.createRun(conversationId, { assistant_id: 'asst', additional_messages: [{ role: 'user', content: 'Go.' }] });
    const run = await driveToEnd(client, clock, conversationId, created.id, 1_000);
    const bundle = await collectRunBundle(client, conversationId, created.id);
    expect(bundle.run).toEqual(run);
    expect(bundle.steps.length).toBeGreaterThan(scenario === 'bulk' ? 250 : 0);
    expect(bundle.messages.length).toBe(new Set(bundle.steps.flatMap((step) => (step.step_details.type === 'message_creation' ? [step.step_details.message_creation.message_id] : []))).size);
    const replay = createReplayRunsClient(JSON.parse(JSON.stringify(bundle)));
    await expectSameReads(client, replay, conversationId, created.id, bundle, { errors: false, alwaysInclude: true });
    // Its unknown ids get the Assistants API's words, whatever backend the run came from.
    await expect(replay.getRunStep(conversationId, created.id, 'rs_missing')).rejects.toSatisfy((error) => RunsApiError.is(error) && error.status === 404 && error.detail === "No run step found with id 'rs_missing'.");
  });
});
