import { useMemo } from 'react';
import type { Message } from '../../api/schemas/message.js';
import type { RunStep } from '../../api/schemas/run-step.js';
import { createRunSearchIndex } from './createRunSearchIndex.js';
import type { RunSearchIndex } from './types.js';

/** `createRunSearchIndex`, memoized per steps array and messages map (a new page folds only its own steps). */
export function useRunSearchIndex(steps: readonly RunStep[], messages?: ReadonlyMap<string, Message>): RunSearchIndex {
  return useMemo(() => createRunSearchIndex(steps, messages), [steps, messages]);
}
