'use client';

import type { Message } from '../../api/schemas/message.js';
import type { RunStep } from '../../api/schemas/run-step.js';
import { Figure } from './Figure.js';
import { prettyJson } from '../../primitives/ToolCall/index.js';

/** The step (and its message, once loaded) exactly as the backend sent them, folded behind "Raw JSON". */
export function RawJson({ step, message }: { step: RunStep; message?: Message | null }) {
  return (
    <details data-part="raw-json">
      <summary>Raw JSON</summary>
      <Figure caption="Step">
        <pre data-format="json">{prettyJson(step)}</pre>
      </Figure>
      {message && (
        <Figure caption="Message">
          <pre data-format="json">{prettyJson(message)}</pre>
        </Figure>
      )}
    </details>
  );
}
