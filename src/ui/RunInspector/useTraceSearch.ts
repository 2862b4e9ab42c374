'use client';

import { useQueries } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { Message, RunStep } from '../../api/schemas/index.js';
import { createRunSearchIndex, type StepMatch, type StepSearchFilters } from '../../primitives/RunSearch/index.js';
import { messageQueryOptions } from '../../query/options/message.js';
import { useRunsContext } from '../../react/useRunsClient.js';

export interface TraceSearch {
  text: string;
  setText(text: string): void;
  filters: StepSearchFilters;
  setFilters(filters: StepSearchFilters): void;
  /** Text or a filter is set: the whole run is being searched (every page loads). */
  active: boolean;
  /** Someone came to search (focus in the search bar) or is searching: the index is built, the rest of the run read. */
  engaged: boolean;
  engage(): void;
  /** The steps the filters let through (all of them without filters): what the waterfall and list show. */
  visibleSteps: readonly RunStep[];
  /** The visible steps whose text matches, in step order (none without text). */
  matches: StepMatch[];
  /** The tool names of the loaded steps, for the Tool filter. */
  toolNames: string[];
  /** The text the matches are for (it trails `text` while a 10 000-step search catches up). */
  matchedText: string;
}

const hasFilters = (filters: StepSearchFilters) => Boolean(filters.stepTypes?.length || filters.toolNames?.length || filters.statuses?.length);

const noMatches: StepMatch[] = [];
const noNames: string[] = [];

/**
 * Search and filters inside one run: an index over its loaded steps and the messages they wrote,
 * built once someone comes to search (not on every page of a run nobody searches) and updated as
 * pages arrive. Typing is deferred, so a keystroke never waits on a search.
 */
export function useTraceSearch(threadId: string, steps: readonly RunStep[]): TraceSearch {
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<StepSearchFilters>({});
  const [focused, setFocused] = useState(false);
  const matchedText = useDeferredValue(text.trim());
  const active = text.trim() !== '' || hasFilters(filters);
  const engaged = focused || active;
  const messages = useRunMessages(threadId, steps, text.trim() !== '');
  const index = useMemo(() => (engaged ? createRunSearchIndex(steps, messages) : null), [engaged, steps, messages]);
  const visibleSteps = useMemo(
    () => (index && hasFilters(filters) ? index.search('', filters).map((match) => steps[match.index]!) : steps),
    [index, filters, steps],
  );
  const matches = useMemo(() => (index && matchedText ? index.search(matchedText, filters) : noMatches), [index, matchedText, filters]);
  const toolNames = useMemo(() => index?.toolNames() ?? noNames, [index]);
  const engage = useCallback(() => setFocused(true), []);
  return { text, setText, filters, setFilters, active, engaged, engage, visibleSteps, matches, matchedText, toolNames };
}

const emptyMessages: ReadonlyMap<string, Message> = new Map();

/** The messages the run's message steps wrote, fetched only while a text search needs their words. */
function useRunMessages(threadId: string, steps: readonly RunStep[], enabled: boolean): ReadonlyMap<string, Message> {
  const { client, polling } = useRunsContext();
  const messageIds = useMemo(
    () => (enabled ? steps.flatMap((step) => (step.step_details.type === 'message_creation' ? [step.step_details.message_creation.message_id] : [])) : []),
    [steps, enabled],
  );
  return useQueries({
    queries: messageIds.map((id) => messageQueryOptions(client, threadId, id, { polling })),
    combine: messagesById,
  });
}

// Module-level: a stable `combine` lets TanStack Query hand back the same map until a message changes.
function messagesById(results: { data?: Message | undefined }[]): ReadonlyMap<string, Message> {
  if (results.length === 0) return emptyMessages;
  const byId = new Map<string, Message>();
  for (const result of results) if (result.data) byId.set(result.data.id, result.data);
  return byId;
}
