import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { createAssistantsRunsClient } from '../../src/backends/assistants/client';
import type { Run } from '../../src/api/schemas';
import { demoIds } from '../../src/emulator';
import { pendingToolCalls, toolCallId } from '../../src/query/run-state';
import { startTestBackend } from '../support/emulator';
import { emptyLedger } from './ledger';
import { drawPlan } from './plan';
import { checkServerTruth, emptyFindings } from './verify';

// The harness checked: its checks see the violations they count, and a seed always draws the same plan.

describe('the chaos checks', () => {
  it('count an answer reported as landed that the server does not have as lost, and one that it has as fine', async () => {
    const b = await startTestBackend({ seed: true });
    const truth = createAssistantsRunsClient(new OpenAI({ apiKey: 'sk-test', baseURL: b.baseURL, maxRetries: 0 }));
    const threadId = (await b.openai.beta.threads.create({})).id;
    const created = await truth.createRun(threadId, { assistant_id: demoIds.assistants.function_call, metadata: { 'chaos.create': '1' } });
    b.clock.advance(3_000);
    const { run } = await truth.getRun(threadId, created.id);
    const ids = pendingToolCalls(run).map(toolCallId);
    await truth.submitToolOutputs(threadId, run.id, { tool_outputs: ids.map((id) => ({ tool_call_id: id, output: 'given' })) });
    const ledger = emptyLedger();
    const answer = (output: string, resolved: boolean) =>
      ledger.answers.push({ tab: 'A', runId: run.id, resolved, outputs: ids.map((id) => ({ tool_call_id: id, output })) });
    answer('given', true);
    answer('never sent', false);
    answer('claimed', true);
    const findings = emptyFindings();
    await checkServerTruth({ truth }, threadId, [run], ledger, findings);
    expect(findings.lost).toHaveLength(ids.length);
    expect(findings.lost[0]).toMatch(/reported landed, the server has "given"/);
    expect(findings.duplicates).toEqual([]);
  });

  it('count two runs made by one create click as a duplicate', async () => {
    const b = await startTestBackend({ seed: true });
    const truth = createAssistantsRunsClient(new OpenAI({ apiKey: 'sk-test', baseURL: b.baseURL, maxRetries: 0 }));
    const threadId = (await b.openai.beta.threads.create({})).id;
    const runs: Run[] = [];
    for (let i = 0; i < 2; i += 1) {
      runs.push(await truth.createRun(threadId, { assistant_id: demoIds.assistants.message, metadata: { 'chaos.create': '1' } }));
      b.clock.advance(3_000);
    }
    const findings = emptyFindings();
    await checkServerTruth({ truth }, threadId, runs, emptyLedger(), findings);
    expect(findings.duplicates).toEqual([`create attempt 1 made 2 runs: ${runs.map((run) => run.id).join(', ')}`]);
  });

  it('draw the same plan from the same seed', () => {
    expect(drawPlan(42)).toEqual(drawPlan(42));
    expect(drawPlan(42)).not.toEqual(drawPlan(43));
  });
});
