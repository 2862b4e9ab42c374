import { beforeAll, describe, expect, it } from 'vitest';
import { collectRunBundle, type RunBundle } from '../../../src/core';
import { createReplayRunsClient, parseRunBundle, RunBundleError } from '../../../src/backends/replay';
import { finishedAssistantsRun } from './runs';

// A file that is not a bundle this runlens can read is refused with where it goes wrong and what to do.

let bundle: RunBundle;
beforeAll(async () => {
  const finished = await finishedAssistantsRun('function_call', { 'emulator.parallel': '2' });
  bundle = JSON.parse(JSON.stringify(await collectRunBundle(finished.client, finished.threadId, finished.runId))) as RunBundle;
});

/** A deep copy of the bundle, changed by `edit`. */
function broken(edit: (copy: Record<string, any>) => void): unknown {
  const copy = structuredClone(bundle) as unknown as Record<string, any>;
  edit(copy);
  return copy;
}

function refusal(input: unknown): RunBundleError {
  try {
    parseRunBundle(input);
  } catch (error) {
    expect(error).toBeInstanceOf(RunBundleError);
    expect(() => createReplayRunsClient(input)).toThrow(RunBundleError);
    return error as RunBundleError;
  }
  throw new Error('expected the bundle to be refused');
}

describe('parseRunBundle', () => {
  it('reads an export, its JSON text, and what it returns again, unchanged', () => {
    expect(parseRunBundle(bundle)).toEqual(bundle);
    expect(parseRunBundle(JSON.stringify(bundle))).toEqual(bundle);
    expect(parseRunBundle(parseRunBundle(bundle))).toEqual(bundle);
  });

  it.each([
    ['not JSON', '{"format": ', '(root)', /not JSON .*open the \.runlens\.json file/],
    ['not an object', [1, 2], '(root)', /expected a run bundle .* got array/],
    ['null', null, '(root)', /got null/],
    ['another JSON file', { name: 'package', version: '1.0.0' }, 'format', /expected "runlens\.run-bundle", got nothing: this file is not a runlens run export/],
  ])('%s', (_name, input, path, message) => {
    const error = refusal(input);
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
  });

  it('a bundle from a newer runlens: says to update', () => {
    const error = refusal(broken((copy) => (copy.version = 2)));
    expect(error.path).toBe('version');
    expect(error.message).toBe('version: this bundle is version 2, made by a newer runlens; this one reads version 1. Update runlens to open it.');
  });

  it('a field the API would not send: its path, what it should be and what is there', () => {
    const error = refusal(broken((copy) => (copy.steps[1].status = 'done')));
    expect(error.path).toBe('steps[1].status');
    expect(error.message).toMatch(/^steps\[1\]\.status: expected one of "in_progress", .*; got "done"\. The file was changed after export/);
    expect(refusal(broken((copy) => delete copy.run.id)).path).toBe('run.id');
    expect(refusal(broken((copy) => (copy.messages = {}))).message).toMatch(/^messages: expected array, received object/);
    expect(refusal(broken((copy) => (copy.events = [{ at: -1, event: { event: 'done', data: '[DONE]' } }]))).path).toBe('events[0].at');
  });

  it('a step of another run, or of another thread', () => {
    const error = refusal(broken((copy) => (copy.steps[0].run_id = 'run_other')));
    expect(error.path).toBe('steps[0].run_id');
    expect(error.message).toMatch(/belongs to run "run_other", not to the bundle's run "run_\w+"; a bundle holds one run\.$/);
    expect(refusal(broken((copy) => (copy.steps[1].thread_id = 'thread_other'))).path).toBe('steps[1].thread_id');
    expect(refusal(broken((copy) => (copy.messages[0].thread_id = 'thread_other'))).path).toBe('messages[0].thread_id');
  });

  it('the same step or message twice', () => {
    const error = refusal(broken((copy) => copy.steps.push(copy.steps[0])));
    expect(error.path).toBe(`steps[${bundle.steps.length}].id`);
    expect(error.message).toMatch(/duplicate id "step_\w+", already at steps\[0\]; each object may appear once\.$/);
    expect(refusal(broken((copy) => copy.messages.push(copy.messages[0]))).path).toBe('messages[1].id');
  });

  it('recorded events of another run', () => {
    const error = refusal(broken((copy) => (copy.events = [{ at: 0, event: { event: 'thread.run.created', data: { ...copy.run, id: 'run_other' } } }])));
    expect(error.path).toBe('events[0].event.data.id');
    expect(error.message).toMatch(/record only this run's stream\.$/);
  });
});
