'use client';

import type { Run } from '../../api/schemas/index.js';
import type { OutputSchemas } from '../../primitives/index.js';
import type { UseSubmitToolOutputsResult } from '../../react/useSubmitToolOutputs.js';
import { whyUnsupported } from '../../api/capabilities.js';
import { useRunsCapabilities } from '../../react/useRunsCapabilities.js';
import { ToolOutputsFormView } from '../ToolOutputsFormView.js';
import { ErrorState } from './states.js';

/** The run asks for tool outputs: one form for every pending call, sent in one request (or, on a backend that can't take them, why not). */
export function ToolOutputsPanel({
  run,
  submit,
  outputSchemas,
}: {
  run: Run;
  submit: UseSubmitToolOutputsResult;
  outputSchemas?: OutputSchemas | undefined;
}) {
  const toolCalls = run.required_action?.submit_tool_outputs.tool_calls ?? [];
  const cannotSubmit = whyUnsupported(useRunsCapabilities().submitToolOutputs);
  if (cannotSubmit) {
    return (
      <p className="rl-muted" data-slot="tool-outputs">
        Waiting for tool outputs. {cannotSubmit}
      </p>
    );
  }
  return (
    <section className="rl-tool-outputs" data-slot="tool-outputs" aria-labelledby={`rl-tool-outputs-${run.id}`}>
      <h3 id={`rl-tool-outputs-${run.id}`}>Tool outputs</h3>
      <ToolOutputsFormView
        toolCalls={toolCalls}
        tools={run.tools}
        outputSchemas={outputSchemas}
        isSubmitting={submit.isPending}
        disabled={!submit.canSubmit}
        onSubmit={(outputs) => submit.mutate({ tool_outputs: outputs })}
      />
      {submit.error && <ErrorState error={submit.error} title="Could not submit tool outputs" />}
    </section>
  );
}
