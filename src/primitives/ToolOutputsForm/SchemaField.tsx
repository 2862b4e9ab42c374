'use client';

import type { ChangeEvent } from 'react';
import type { FieldSpec } from './fieldsFromSchema.js';
import { useToolOutputsFormContext } from './ToolOutputsFormContext.js';

interface SchemaFieldProps {
  toolCallId: string;
  field: FieldSpec;
  index: number;
}

/** One schema property as a labelled input; its error and description tied by aria-describedby. */
export function SchemaField({ toolCallId, field, index }: SchemaFieldProps) {
  const context = useToolOutputsFormContext('Field');
  const draft = context.draftOf(toolCallId);
  const error = context.showErrors ? context.checkOf(toolCallId).fieldErrors[field.name] : undefined;
  const id = context.idFor(toolCallId, `f${index}`);
  const errorId = `${id}-error`;
  const descriptionId = `${id}-description`;
  const describedBy = [field.description ? descriptionId : null, error ? errorId : null].filter(Boolean).join(' ');
  const value = draft.values[field.name];
  const setValue = (next: string | boolean) =>
    context.updateDraft(toolCallId, (current) => ({ ...current, values: { ...current.values, [field.name]: next } }));
  const common = {
    id,
    name: `${toolCallId}.${field.name}`,
    required: field.required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
  };
  const onText = (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setValue(event.target.value);

  let control;
  if (field.kind === 'boolean') {
    control = (
      <input {...common} type="checkbox" checked={value === true} onChange={(event) => setValue(event.target.checked)} />
    );
  } else if (field.kind === 'enum') {
    control = (
      <select {...common} value={typeof value === 'string' ? value : ''} onChange={onText}>
        <option value="">Choose…</option>
        {(field.options ?? []).map((option, optionIndex) => (
          <option key={optionIndex} value={String(optionIndex)}>
            {String(option)}
          </option>
        ))}
      </select>
    );
  } else {
    const numeric = field.kind === 'number' || field.kind === 'integer';
    control = (
      <input
        {...common}
        type={numeric ? 'number' : 'text'}
        step={field.kind === 'integer' ? 1 : numeric ? 'any' : undefined}
        value={typeof value === 'string' ? value : ''}
        onChange={onText}
      />
    );
  }

  return (
    <div data-part="field" data-kind={field.kind} data-invalid={error ? '' : undefined} data-required={field.required ? '' : undefined}>
      <label htmlFor={id}>{field.label}</label>
      {control}
      {field.description && <p id={descriptionId} data-part="description">{field.description}</p>}
      {error && <p id={errorId} data-part="error">{error}</p>}
    </div>
  );
}
