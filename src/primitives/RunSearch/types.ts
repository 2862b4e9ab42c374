import type { RunStepStatus } from '../../api/schemas/run-step.js';

/** What a step's text matched in: one field per kind of content a run UI shows. */
export type StepSearchField = 'message' | 'arguments' | 'output' | 'code' | 'logs' | 'file_search' | 'tool_name' | 'error';

/**
 * Narrow a search (or, with no text, list) to steps of these types, tool names and statuses. Within
 * one filter any value may match; across filters all must. An absent or empty list filters nothing.
 */
export interface StepSearchFilters {
  /** `message_creation` | `tool_calls` (or a newer type a backend sends). */
  stepTypes?: string[];
  /** A step passes when any of its `stepToolNames` is listed. */
  toolNames?: string[];
  statuses?: RunStepStatus[];
}

/** One step a search found. */
export interface StepMatch {
  stepId: string;
  /** Position in the steps array the index was built from. */
  index: number;
  /** The fields the text matched in, in `StepSearchField` order; empty when only filters were given. */
  fields: string[];
}

/** Search over one steps array, built once (see createRunSearchIndex). */
export interface RunSearchIndex {
  /**
   * Steps whose text contains `query` (case-insensitive, trimmed) and that pass `filters`, in step
   * order. An empty query with no filters matches nothing (show every step then); filters alone
   * match every step that passes them.
   */
  search(query: string, filters?: StepSearchFilters): StepMatch[];
  /** Every tool name the steps use, sorted: the values for a tool-name filter. */
  toolNames(): string[];
  /** Every step type present, sorted. */
  stepTypes(): string[];
  /** Every step status present, sorted. */
  statuses(): string[];
}
