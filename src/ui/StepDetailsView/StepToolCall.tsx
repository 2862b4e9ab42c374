'use client';

import type { CodeInterpreterToolCall, FunctionToolCall, ToolCall as ToolCallData } from '../../api/schemas/run-step.js';
import { ToolCall, type ResolveFileUrl } from '../../primitives/ToolCall/index.js';
import { ToolCallView } from '../RunStepView.js';
import { Figure } from './Figure.js';
import { Heading } from './Heading.js';

const callTitles: Record<string, string> = {
  code_interpreter: 'Code interpreter',
  file_search: 'File search',
};

function callTitle(call: ToolCallData): string {
  if (call.type === 'function') return `Function ${call.function.name}`;
  if (call.type === 'unknown') return call.original_type;
  return callTitles[call.type] ?? call.type;
}

/** A function call's arguments and output as captioned figures (the name is in the section's heading). */
function FunctionParts({ call }: { call: FunctionToolCall }) {
  const { arguments: args, output } = call.function;
  return (
    <>
      <Figure caption="Arguments" data-part="arguments">
        <ToolCall.Json text={args} />
      </Figure>
      <Figure caption="Output" data-part="output" data-state={output == null ? 'pending' : 'done'}>
        {output == null ? <p data-part="pending">No output yet</p> : <ToolCall.Json text={output} />}
      </Figure>
    </>
  );
}

/** A code_interpreter call's code, then each output (logs, images) in order, each captioned. */
function CodeInterpreterParts({ call, resolveFileUrl }: { call: CodeInterpreterToolCall; resolveFileUrl?: ResolveFileUrl }) {
  const { input, outputs } = call.code_interpreter;
  return (
    <>
      <Figure caption="Code" data-part="input">
        <pre>
          <code>{input}</code>
        </pre>
      </Figure>
      {outputs.map((output, index) => {
        if (output.type === 'logs') {
          return (
            <Figure key={index} caption="Logs" data-part="logs">
              <pre>{output.logs}</pre>
            </Figure>
          );
        }
        if (output.type === 'image') {
          const fileId = output.image.file_id;
          const url = resolveFileUrl?.(fileId);
          return (
            <Figure key={index} caption="Image" data-part="image">
              {url ? <img src={url} alt={`Output image ${fileId}`} /> : <p className="rl-mono">Output image {fileId}</p>}
            </Figure>
          );
        }
        return (
          <p key={index} data-part="unknown-output">
            Output of type {output.original_type}
          </p>
        );
      })}
    </>
  );
}

/**
 * One tool call of the step under its own heading ("Function get_weather", "Code interpreter",
 * "File search"), in the styled `ToolCallView`: a function's arguments and output and a code
 * interpreter's code, logs and images as captioned figures; file-search results (and kinds newer
 * than this package) as `ToolCallView` renders them everywhere.
 */
export function StepToolCall({ call, headingLevel, resolveFileUrl }: { call: ToolCallData; headingLevel: number; resolveFileUrl?: ResolveFileUrl }) {
  const parts =
    call.type === 'function' ? <FunctionParts call={call} />
    : call.type === 'code_interpreter' ? <CodeInterpreterParts call={call} resolveFileUrl={resolveFileUrl} />
    : undefined;
  return (
    <section data-part="tool-call">
      <div className="rl-row">
        <Heading level={headingLevel}>{callTitle(call)}</Heading>
        <span className="rl-mono rl-muted" data-part="call-id">
          {call.id}
        </span>
      </div>
      <ToolCallView toolCall={call}>{parts}</ToolCallView>
    </section>
  );
}
