'use client';

import type { RawFormat } from './validateFields.js';
import { useToolOutputsFormContext } from './ToolOutputsFormContext.js';

interface RawOutputFieldProps {
  toolCallId: string;
  /** Function name, for the label "Output for <name>". */
  name: string;
}

/** The textarea "Output for <name>" with its JSON/Text format; JSON mode must parse. */
export function RawOutputField({ toolCallId, name }: RawOutputFieldProps) {
  const context = useToolOutputsFormContext('RawOutput');
  const draft = context.draftOf(toolCallId);
  const error = context.showErrors ? context.checkOf(toolCallId).rawError : null;
  const id = context.idFor(toolCallId, 'raw');
  const formatId = `${id}-format`;
  const errorId = `${id}-error`;
  const update = (patch: Partial<typeof draft>) =>
    context.updateDraft(toolCallId, (current) => ({ ...current, ...patch }));
  return (
    <div data-part="raw" data-format={draft.rawFormat} data-invalid={error ? '' : undefined}>
      <label htmlFor={id}>Output for {name}</label>
      <textarea
        id={id}
        name={`${toolCallId}.output`}
        required
        spellCheck={false}
        value={draft.raw}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => update({ raw: event.target.value })}
      />
      <label htmlFor={formatId}>Format</label>
      <select
        id={formatId}
        value={draft.rawFormat}
        onChange={(event) => update({ rawFormat: event.target.value as RawFormat })}
      >
        <option value="json">JSON</option>
        <option value="text">Text</option>
      </select>
      {error && <p id={errorId} data-part="error">{error}</p>}
    </div>
  );
}
