import { describe, expect, it } from 'vitest';
import { collectRunBundle, type RunBundle } from '../../src/core';
import { runBundleToMarkdown } from '../../src/primitives';
import { finishedAssistantsRun, toolOutputOf } from '../backends/replay/runs';

// runBundleToMarkdown over runs exported from the emulator (over HTTP, through the official SDK):
// what a person pasting it into an issue needs is there, and no text can break out of its fence.

async function exported(scenario: string, metadata: Record<string, string> = {}, tools: { type: 'file_search' | 'code_interpreter' }[] = []): Promise<RunBundle> {
  const finished = await finishedAssistantsRun(scenario, metadata, tools);
  return collectRunBundle(finished.client, finished.threadId, finished.runId);
}

/** The fenced code blocks of `markdown` as CommonMark reads them (a fence closes only with at least as many backticks). */
function codeBlocks(markdown: string): { language: string; text: string }[] {
  const blocks: { language: string; text: string }[] = [];
  let open: { fence: number; language: string; lines: string[]; indent: string } | null = null;
  for (const line of markdown.split('\n')) {
    if (!open) {
      const start = /^(\s*)(`{3,})(\w*)$/.exec(line);
      if (start) open = { fence: start[2]!.length, language: start[3]!, lines: [], indent: start[1]! };
      continue;
    }
    const close = /^\s*(`{3,})\s*$/.exec(line);
    if (close && close[1]!.length >= open.fence) {
      blocks.push({ language: open.language, text: open.lines.join('\n') });
      open = null;
    } else open.lines.push(line.slice(open.indent.length));
  }
  expect(open, 'a fence was left open').toBeNull();
  return blocks;
}

describe('runBundleToMarkdown', () => {
  it('a function-calling run: title, each call’s name, arguments and output in json fences, the reply, the usage', async () => {
    const bundle = await exported('function_call', { 'emulator.parallel': '2' });
    const markdown = runBundleToMarkdown(bundle);
    expect(markdown).toMatch(new RegExp(`^# Run \`${bundle.run.id}\`: completed\n`));
    expect(markdown).toContain('- Model: `gpt-4o`');
    expect(markdown).toMatch(/- Duration: \d+(\.\d)? s/);
    const blocks = codeBlocks(markdown);
    const calls = bundle.steps.flatMap((step) => (step.step_details.type === 'tool_calls' ? step.step_details.tool_calls : []));
    expect(calls).toHaveLength(2);
    for (const call of calls) {
      if (call.type !== 'function') throw new Error('expected function calls');
      expect(markdown).toContain(`#### \`${call.function.name}\` (${call.id})`);
      expect(blocks).toContainEqual({ language: 'json', text: JSON.stringify(JSON.parse(call.function.arguments), null, 2) });
      // The output holds ``` and still reads back whole from its (longer) fence.
      expect(blocks).toContainEqual({ language: 'json', text: JSON.stringify(JSON.parse(toolOutputOf(call.id)), null, 2) });
    }
    const reply = bundle.messages[0]!.content[0]!;
    if (reply.type !== 'text') throw new Error('expected a text reply');
    for (const line of reply.text.value.split('\n')) expect(markdown).toContain(`> ${line}`);
    const usage = bundle.run.usage!;
    expect(markdown).toContain(`## Usage\n\n- ${usage.total_tokens.toLocaleString('en-US')} tokens (prompt ${usage.prompt_tokens.toLocaleString('en-US')}, completion ${usage.completion_tokens.toLocaleString('en-US')})`);
    expect(runBundleToMarkdown(bundle, { prices: { 'gpt-4o': { promptPerMillion: 2.5, completionPerMillion: 10 } } })).toMatch(/- Cost: \$0\.\d+/);
  });

  it('code_interpreter: the code, its logs and the image; file_search: names, scores and the content', async () => {
    const code = await exported('code_interpreter', {}, [{ type: 'code_interpreter' }]);
    const call = code.steps.flatMap((step) => (step.step_details.type === 'tool_calls' ? step.step_details.tool_calls : [])).find((candidate) => candidate.type === 'code_interpreter');
    if (call?.type !== 'code_interpreter') throw new Error('expected a code_interpreter call');
    const blocks = codeBlocks(runBundleToMarkdown(code));
    expect(blocks).toContainEqual({ language: 'python', text: call.code_interpreter.input });
    for (const output of call.code_interpreter.outputs) {
      if (output.type === 'logs') expect(blocks).toContainEqual({ language: 'text', text: output.logs });
      if (output.type === 'image') expect(runBundleToMarkdown(code)).toContain(`Image: \`${output.image.file_id}\``);
    }

    const search = await exported('file_search', {}, [{ type: 'file_search' }]);
    const markdown = runBundleToMarkdown(search);
    const results = search.steps.flatMap((step) => (step.step_details.type === 'tool_calls' ? step.step_details.tool_calls : [])).flatMap((c) => (c.type === 'file_search' ? (c.file_search.results ?? []) : []));
    for (const result of results) {
      expect(markdown).toContain(`- **${result.file_name}** (\`${result.file_id}\`), score ${result.score}`);
      expect(codeBlocks(markdown)).toContainEqual({ language: 'text', text: result.content![0]!.text });
    }
  });

  it('a failed run: the run’s error in the header and the step’s under it', async () => {
    const bundle = await exported('fail');
    const markdown = runBundleToMarkdown(bundle);
    expect(markdown).toContain(`# Run \`${bundle.run.id}\`: failed`);
    expect(markdown).toContain(`- **Error:** ${bundle.run.last_error!.code}: ${bundle.run.last_error!.message}`);
    const failed = bundle.steps.find((step) => step.last_error)!;
    expect(markdown).toContain(`**Error:** ${failed.last_error!.code}: ${failed.last_error!.message}`);
  });

  it('no text breaks its fence: backticks in arguments, outputs, logs and messages get a longer one', async () => {
    const bundle = await exported('code_interpreter', { 'emulator.text': 'x ````` y' }, [{ type: 'code_interpreter' }]);
    const markdown = runBundleToMarkdown(bundle);
    const blocks = codeBlocks(markdown);
    const logs = bundle.steps.flatMap((step) => (step.step_details.type === 'tool_calls' ? step.step_details.tool_calls : [])).flatMap((c) => (c.type === 'code_interpreter' ? c.code_interpreter.outputs : [])).find((o) => o.type === 'logs');
    if (logs?.type !== 'logs') throw new Error('expected logs');
    expect(logs.logs).toContain('`````');
    expect(blocks).toContainEqual({ language: 'text', text: logs.logs });
    expect(markdown).toContain('``````text\n');
    // Not JSON: kept as it is, in a text fence.
    const call = { id: 'call_x', type: 'function' as const, function: { name: 'raw', arguments: 'not json ```', output: '```\nstill not json' } };
    const step = { ...bundle.steps[0]!, id: 'step_x', step_details: { type: 'tool_calls' as const, tool_calls: [call] } };
    const raw = codeBlocks(runBundleToMarkdown({ ...bundle, steps: [step] }));
    expect(raw).toEqual([
      { language: 'text', text: 'not json ```' },
      { language: 'text', text: '```\nstill not json' },
    ]);
  });

  it('a 10 000-step run in well under a second', async () => {
    const bundle = await exported('bulk', { 'emulator.steps': '10000' });
    expect(bundle.steps).toHaveLength(10_001);
    const started = performance.now();
    const markdown = runBundleToMarkdown(bundle);
    const elapsed = performance.now() - started;
    console.log(`runBundleToMarkdown: 10 001 steps, ${(markdown.length / 1e6).toFixed(1)} MB of Markdown in ${elapsed.toFixed(0)} ms`);
    expect(markdown.match(/^### /gm)).toHaveLength(10_001);
    expect(elapsed).toBeLessThan(1_000);
  }, 120_000);
});
