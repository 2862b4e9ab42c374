'use client';

import { useId, useState, type FormEvent } from 'react';
import type { Run } from '../../api/schemas/index.js';
import { whyUnsupported } from '../../api/capabilities.js';
import { useRunsCapabilities } from '../../react/useRunsCapabilities.js';
import { useUpdateRun } from '../../react/useUpdateRun.js';
import { ErrorState } from './states.js';

interface MetadataRow {
  key: string;
  value: string;
}

const rowsFrom = (metadata: Run['metadata']): MetadataRow[] =>
  Object.entries(metadata ?? {}).map(([key, value]) => ({ key, value: String(value) }));

/**
 * The run's metadata, read-only until "Edit metadata". Saving replaces it through useUpdateRun,
 * whose pre-send checks (16 keys, 64/512 chars) and server errors show as an alert in the form.
 * A backend that can't change metadata gets no edit button, and its reason in its place.
 */
export function MetadataEditor({ threadId, run }: { threadId: string; run: Run }) {
  const update = useUpdateRun(threadId, run.id);
  const cannotEdit = whyUnsupported(useRunsCapabilities().updateMetadata);
  const [rows, setRows] = useState<MetadataRow[] | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const errorId = useId();
  const entries = rowsFrom(run.metadata);

  const setRow = (index: number, patch: Partial<MetadataRow>) =>
    setRows((current) => current?.map((row, i) => (i === index ? { ...row, ...patch } : row)) ?? null);

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!rows) return;
    const filled = rows.filter((row) => row.key !== '' || row.value !== '');
    // An object cannot hold a key twice; say so instead of silently keeping the last one.
    const duplicate = filled.find((row, i) => filled.findIndex((other) => other.key === row.key) !== i);
    if (duplicate) return setLocalError(`The key "${duplicate.key}" appears twice.`);
    setLocalError(null);
    update.mutate(
      { metadata: Object.fromEntries(filled.map((row) => [row.key, row.value])) },
      { onSuccess: () => setRows(null) },
    );
  };

  const error = localError ?? update.error;
  return (
    <section className="rl-metadata" data-slot="metadata-editor" aria-labelledby={`${errorId}-heading`}>
      <h3 id={`${errorId}-heading`}>Metadata</h3>
      {rows === null ? (
        <>
          {entries.length === 0 ? (
            <p className="rl-muted">No metadata</p>
          ) : (
            <dl className="rl-facts">
              {entries.map((row) => [
                <dt key={`k-${row.key}`} className="rl-mono">{row.key}</dt>,
                <dd key={`v-${row.key}`}>{row.value}</dd>,
              ])}
            </dl>
          )}
          {cannotEdit ? (
            <p className="rl-muted" data-slot="metadata-read-only">{cannotEdit}</p>
          ) : (
            <div className="rl-row">
              <button type="button" onClick={() => { update.reset(); setRows(entries.length ? entries : [{ key: '', value: '' }]); }}>
                Edit metadata
              </button>
            </div>
          )}
        </>
      ) : (
        <form onSubmit={save} aria-describedby={error ? errorId : undefined}>
          {rows.map((row, index) => (
            <div className="rl-metadata-row" key={index}>
              <label className="rl-field">
                Key {index + 1}
                <input value={row.key} onChange={(e) => setRow(index, { key: e.target.value })} />
              </label>
              <label className="rl-field">
                Value {index + 1}
                <input value={row.value} onChange={(e) => setRow(index, { value: e.target.value })} />
              </label>
              <button type="button" aria-label={`Remove field ${index + 1}`} onClick={() => setRows(rows.filter((_, i) => i !== index))}>
                Remove
              </button>
            </div>
          ))}
          <div className="rl-row">
            <button type="button" onClick={() => setRows([...rows, { key: '', value: '' }])}>
              Add field
            </button>
            <button type="submit" data-variant="primary" disabled={update.isPending} aria-busy={update.isPending || undefined}>
              Save metadata
            </button>
            <button type="button" onClick={() => { setRows(null); setLocalError(null); update.reset(); }}>
              Discard changes
            </button>
          </div>
          {error && (
            <div id={errorId}>
              <ErrorState error={typeof error === 'string' ? new Error(error) : error} title="Metadata not saved" />
            </div>
          )}
        </form>
      )}
    </section>
  );
}
