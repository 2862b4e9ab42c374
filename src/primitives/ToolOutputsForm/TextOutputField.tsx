'use client';

import { prettyJson } from '../ToolCall/prettyJson.js';
import { jsonHintOf } from './textOutput.js';
import { useToolOutputsFormContext } from './ToolOutputsFormContext.js';

interface TextOutputFieldProps {
  toolCallId: string;
  /** Function name, for the label "Output for <name>". */
  name: string;
}

/**
 * The textarea "Output for <name>": any non-empty text is sent verbatim. A polite hint says
 * whether it is JSON ("Valid JSON", with Pretty-print) or looks like JSON but does not parse
 * (what is wrong); the hint never blocks a submit.
 */
export function TextOutputField({ toolCallId, name }: TextOutputFieldProps) {
  const context = useToolOutputsFormContext('TextOutput');
  const draft = context.draftOf(toolCallId);
  const error = context.showErrors ? context.checkOf(toolCallId).textError : null;
  const hint = jsonHintOf(draft.text);
  const id = context.idFor(toolCallId, 'output');
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  const setText = (text: string) => context.updateDraft(toolCallId, (current) => ({ ...current, text }));
  return (
    <div data-part="output" data-invalid={error ? '' : undefined}>
      <label htmlFor={id}>Output for {name}</label>
      <textarea
        id={id}
        name={`${toolCallId}.output`}
        required
        spellCheck={false}
        value={draft.text}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => setText(event.target.value)}
      />
      <div data-part="json-hint" data-state={hint?.kind ?? 'none'}>
        {/* Always rendered, so a screen reader hears the verdict change; the parser's detail, which
            changes with every keystroke, is in the description but not announced. */}
        <p id={hintId}>
          <span aria-live="polite">{hint ? (hint.kind === 'valid' ? 'Valid JSON' : 'Not valid JSON') : ''}</span>
          {hint?.kind === 'invalid' && <span>: {hint.message}. It can still be sent as text.</span>}
        </p>
        {hint?.kind === 'valid' && (
          <button type="button" data-part="pretty-print" onClick={() => setText(prettyJson(draft.text))}>
            Pretty-print
          </button>
        )}
      </div>
      {error && (
        <p id={errorId} data-part="error">
          {error}
        </p>
      )}
    </div>
  );
}
