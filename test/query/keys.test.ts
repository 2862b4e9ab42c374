import { describe, expect, it } from 'vitest';
import { partialMatchKey } from '@tanstack/query-core';
import { RUN_STEP_INCLUDE_FILE_SEARCH_CONTENT } from '../../src/api/schemas';
import { runlensKeys, runlensMutationKeys } from '../../src/query/keys';

describe('runlensKeys', () => {
  it('builds the documented hierarchy', () => {
    expect(runlensKeys.thread('t')).toEqual(['runlens', 'thread', 't']);
    expect(runlensKeys.run('t', 'r')).toEqual(['runlens', 'thread', 't', 'run', 'r']);
    expect(runlensKeys.runs('t', { limit: 5 })).toEqual(['runlens', 'thread', 't', 'runs', { limit: 5, order: 'desc' }]);
    expect(runlensKeys.runSteps('t', 'r', { order: 'asc' })).toEqual([
      'runlens', 'thread', 't', 'run', 'r', 'steps', { limit: 20, order: 'asc', include: [] },
    ]);
    expect(runlensKeys.runStep('t', 'r', 's')).toEqual(['runlens', 'thread', 't', 'run', 'r', 'step', 's', { include: [] }]);
  });

  it('fills defaults so equivalent params share one cache entry', () => {
    expect(runlensKeys.runs('t')).toEqual(runlensKeys.runs('t', { limit: 20, order: 'desc' }));
    const include = RUN_STEP_INCLUDE_FILE_SEARCH_CONTENT;
    expect(runlensKeys.runStep('t', 'r', 's', [include, include])).toEqual(runlensKeys.runStep('t', 'r', 's', [include]));
  });

  it('nests: a run prefix reaches its steps and single steps, a thread prefix reaches everything on it', () => {
    const run = runlensKeys.run('t', 'r');
    expect(partialMatchKey(runlensKeys.runSteps('t', 'r'), run)).toBe(true);
    expect(partialMatchKey(runlensKeys.runStep('t', 'r', 's', [RUN_STEP_INCLUDE_FILE_SEARCH_CONTENT]), run)).toBe(true);
    expect(partialMatchKey(runlensKeys.runStep('t', 'r', 's'), runlensKeys.runStepAll('t', 'r', 's'))).toBe(true);
    expect(partialMatchKey(runlensKeys.run('t', 'other'), run)).toBe(false);
    for (const key of [runlensKeys.runs('t'), run, runlensKeys.runSteps('t', 'r'), runlensMutationKeys.cancelRun('t', 'r')]) {
      expect(partialMatchKey(key, runlensKeys.thread('t'))).toBe(true);
    }
    expect(partialMatchKey(runlensKeys.runs('t', { order: 'asc' }), runlensKeys.runsLists('t'))).toBe(true);
    expect(partialMatchKey(run, runlensKeys.runsLists('t'))).toBe(false);
  });
});
