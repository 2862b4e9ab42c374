'use client';

import { RunStep, ToolCall } from '../primitives/index.js';
import { withSlot } from './with-slot.js';

/** One styled step row (`RunStep.Root`) with its details; `ToolCallView` styles each tool call. */
export const RunStepView = Object.assign(withSlot(RunStep.Root, 'run-step'), {
  Details: withSlot(RunStep.Details, 'run-step-details'),
});

export const ToolCallView = withSlot(ToolCall.Root, 'tool-call');
