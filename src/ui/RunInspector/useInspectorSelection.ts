'use client';

import { useCallback, useRef, useState } from 'react';
import type { RunInspectorSelection } from './types.js';

interface SelectionProps {
  threadId: string;
  defaultRunId?: string;
  selectedRunId?: string | null;
  selectedStepId?: string | null;
  onSelectionChange?: (selection: RunInspectorSelection) => void;
}

/**
 * The inspector's run and step selection, each controlled when its prop is given (an app keeping
 * them in its URL) and held here otherwise. A held choice belongs to its thread and a step to its
 * run: switching either drops what was chosen inside it.
 */
export function useInspectorSelection({ threadId, defaultRunId, selectedRunId, selectedStepId, onSelectionChange }: SelectionProps) {
  const [held, setHeld] = useState<RunInspectorSelection & { threadId: string }>({ threadId, runId: defaultRunId ?? null, stepId: null });
  const heldHere = held.threadId === threadId ? held : { threadId, runId: null, stepId: null };
  const runId = selectedRunId !== undefined ? selectedRunId : heldHere.runId;
  const stepId = selectedStepId !== undefined ? selectedStepId : heldHere.runId === runId ? heldHere.stepId : null;
  const onChange = useRef(onSelectionChange);
  onChange.current = onSelectionChange;
  const select = useCallback(
    (next: RunInspectorSelection) => {
      setHeld({ threadId, ...next });
      onChange.current?.(next);
    },
    [threadId],
  );
  return { runId, stepId, select };
}
