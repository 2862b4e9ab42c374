'use client';

import { useId, useState, type FormEvent } from 'react';
import type { Run } from '../../api/schemas/index.js';
import { whyUnsupported } from '../../api/capabilities.js';
import { useCreateRun } from '../../react/useCreateRun.js';
import { useRunsCapabilities } from '../../react/useRunsCapabilities.js';
import { ErrorState } from './states.js';
import type { AssistantOption } from './types.js';

export interface NewRunFormProps {
  threadId: string;
  assistants?: AssistantOption[];
  /** Start the run streamed; this form stays mounted, so the stream lives as long as the inspector. */
  stream?: boolean;
  onCreated?(run: Run): void;
}

/**
 * "Start run" with an assistant picker; a thread with an active run offers "Cancel it and retry".
 * A backend that can't start runs shows why instead.
 */
export function NewRunForm({ threadId, assistants, stream = false, onCreated }: NewRunFormProps) {
  const fieldId = useId();
  const [assistantId, setAssistantId] = useState(assistants?.[0]?.id ?? '');
  const createRun = useCreateRun(threadId, { stream, onSuccess: (run) => onCreated?.(run) });
  const busy = createRun.isPending || createRun.isCancellingBlockingRun;
  // A backend that can't start runs (a replay) gets its reason in the form's place.
  const cannotCreate = whyUnsupported(useRunsCapabilities().createRun);

  const start = (event: FormEvent) => {
    event.preventDefault();
    if (assistantId.trim()) createRun.mutate({ assistant_id: assistantId.trim() });
  };

  if (cannotCreate) {
    return (
      <p className="rl-panel rl-muted" data-slot="new-run-form">
        {cannotCreate}
      </p>
    );
  }
  return (
    <form className="rl-panel rl-new-run" data-slot="new-run-form" onSubmit={start} aria-label="Start a new run">
      <div className="rl-field">
        <label htmlFor={fieldId}>Assistant</label>
        {assistants && assistants.length > 0 ? (
          <select id={fieldId} value={assistantId} onChange={(event) => setAssistantId(event.target.value)}>
            {assistants.map((assistant) => (
              <option key={assistant.id} value={assistant.id}>
                {assistant.name}
              </option>
            ))}
          </select>
        ) : (
          // No list given: the assistant id is typed in.
          <input
            id={fieldId}
            value={assistantId}
            placeholder="asst_…"
            required
            onChange={(event) => setAssistantId(event.target.value)}
          />
        )}
      </div>
      <div className="rl-row">
        <button type="submit" data-variant="primary" disabled={busy || !assistantId.trim()} aria-busy={busy || undefined}>
          Start run
        </button>
      </div>
      {createRun.activeRunError ? (
        <div className="rl-alert" role="alert" data-slot="active-run-error">
          <span>{createRun.activeRunError.detail}</span>
          <button
            type="button"
            disabled={busy}
            aria-busy={createRun.isCancellingBlockingRun || undefined}
            onClick={() => void createRun.cancelBlockingRunAndRetry().catch(() => undefined)}
          >
            {createRun.isCancellingBlockingRun ? 'Cancelling…' : 'Cancel it and retry'}
          </button>
        </div>
      ) : createRun.error ? (
        <ErrorState error={createRun.error} title="Could not start the run" />
      ) : null}
    </form>
  );
}
