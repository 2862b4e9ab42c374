import { toDotPath } from 'zod/v4/core';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../src/api/issues';

// formatPath is runlens's own (the zod-free checks use it); it must write paths the way zod's
// toDotPath does, so a message reads the same whichever check found the problem.
describe('formatPath', () => {
  it.each([
    [['tool_outputs', 0, 'output']],
    [['data', 3, 'step_details', 'tool_calls', 12, 'function', 'name']],
    [[0, 'id']],
    [['metadata', 'emulator.scenario']],
    [['metadata', 'a key with spaces', 'x']],
    [['$ref', 'x_y']],
  ])('%j as zod writes it', (path) => {
    expect(formatPath(path)).toBe(toDotPath(path));
  });

  it('the value itself is (root)', () => {
    expect(formatPath([])).toBe('(root)');
  });
});
