'use client';

import { useToolOutputsFormContext } from './ToolOutputsFormContext.js';
import { ToolOutputsFormCall } from './ToolOutputsFormCall.js';

/** One `ToolOutputsForm.Call` per pending call. */
export function ToolOutputsFormCalls() {
  const { plans } = useToolOutputsFormContext('Calls');
  return (
    <>
      {plans.map((plan) => (
        <ToolOutputsFormCall key={plan.call.id} toolCallId={plan.call.id} />
      ))}
    </>
  );
}
ToolOutputsFormCalls.displayName = 'ToolOutputsForm.Calls';
