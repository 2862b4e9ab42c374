import { badRequest } from './errors.js';
import type { RunStepObject, StreamEvent } from './types.js';

/** The one `include[]` value the spec knows. */
export const fileSearchContent = 'step_details.tool_calls[*].file_search.results[*].content';

/** Reads `include[]` (and a bare `include`); `true` when file_search chunk content is asked for. */
export function parseInclude(search: URLSearchParams): boolean {
  const values = [...search.getAll('include[]'), ...search.getAll('include')];
  const unknown = values.find((value) => value !== fileSearchContent);
  if (unknown !== undefined) {
    throw badRequest(`Invalid value: '${unknown}'. Supported values are: '${fileSearchContent}'.`, 'include', 'invalid_value');
  }
  return values.length > 0;
}

/**
 * A step as served: file_search results carry `content` only when the request included it. The copy
 * is shallow except along the path to the results it trims (callers serialize it at once).
 */
export function stepView(step: RunStepObject, includeContent: boolean): RunStepObject {
  const details = step.step_details;
  if (includeContent || details.type !== 'tool_calls') return step;
  const hasResults = details.tool_calls.some((call) => call.type === 'file_search' && call.file_search.results);
  if (!hasResults) return step;
  const toolCalls = details.tool_calls.map((call) => {
    if (call.type !== 'file_search' || !call.file_search.results) return call;
    const results = call.file_search.results.map(({ content: _content, ...result }) => result);
    return { ...call, file_search: { ...call.file_search, results } };
  });
  return { ...step, step_details: { ...details, tool_calls: toolCalls } };
}

/** A logged event as a stream sends it (step snapshots get the same `include[]` treatment as GET). */
export function eventView(event: StreamEvent, includeContent: boolean): StreamEvent {
  const isStepSnapshot = event.event.startsWith('thread.run.step.') && event.event !== 'thread.run.step.delta';
  return isStepSnapshot ? { event: event.event, data: stepView(event.data as RunStepObject, includeContent) } : event;
}
