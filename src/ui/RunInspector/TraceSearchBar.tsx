'use client';

import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import type { StepSearchFilters } from '../../primitives/RunSearch/index.js';
import { formatTokens } from '../../primitives/Usage/index.js';
import type { TraceSearch } from './useTraceSearch.js';

export interface TraceSearchBarProps {
  search: TraceSearch;
  selectedStepId: string | null;
  onSelectStep(stepId: string): void;
  /** Steps loaded so far, and whether the rest of the run is being read for a search. */
  loadedSteps: number;
  loadingMore: boolean;
  /** Someone is about to search (focus came into the bar): time to read the rest of the run. */
  onEngage(): void;
}

/** The filter menus: which filter, its name, its "any" choice. */
const filterMenus = [
  ['stepTypes', 'Step type', 'All step types'],
  ['toolNames', 'Tool', 'All tools'],
  ['statuses', 'Status', 'All statuses'],
] as const;
// Every type and status a step can have, offered before the pages that hold them have loaded (tools come from the steps).
const filterValues = { stepTypes: ['message_creation', 'tool_calls'], statuses: ['in_progress', 'completed', 'failed', 'cancelled', 'expired'] };
const filterNames: Record<string, string> = { message_creation: 'Messages', tool_calls: 'Tool calls', in_progress: 'in progress' };

/**
 * Text search across the run (messages, arguments, outputs, code, logs, file-search results,
 * errors) with next / previous, and filters by step type, tool and status. `/` focuses it from
 * anywhere on the page that is not a text field; Enter / Shift+Enter go to the next / previous
 * match, Escape clears.
 */
export function TraceSearchBar({ search, selectedStepId, onSelectStep, loadedSteps, loadingMore, onEngage }: TraceSearchBarProps) {
  const input = useRef<HTMLInputElement>(null);
  const statusId = useId();
  useSlashToFocus(input);
  const { matches } = search;
  const current = matches.findIndex((match) => match.stepId === selectedStepId);
  const go = (delta: 1 | -1) => {
    if (matches.length === 0) return;
    const next = current === -1 ? (delta === 1 ? 0 : matches.length - 1) : (current + delta + matches.length) % matches.length;
    onSelectStep(matches[next]!.stepId);
  };
  // Enter before the first match is known (the rest of the run still loading, or the search still
  // catching up with the typing) goes to it once it arrives.
  const searching = loadingMore || search.matchedText !== search.text.trim();
  const [pendingGo, setPendingGo] = useState(false);
  useEffect(() => {
    if (!pendingGo) return;
    if (matches.length > 0) {
      setPendingGo(false);
      onSelectStep(matches[0]!.stepId);
    } else if (!searching) setPendingGo(false);
  }, [pendingGo, matches, searching, onSelectStep]);
  const setFilter = (key: keyof StepSearchFilters, value: string) => search.setFilters({ ...search.filters, [key]: value ? [value] : [] });

  let status = '';
  if (search.matchedText) {
    const count = countOf(matches.length, 'match', 'matches');
    status = matches.length === 0 ? 'No matches' : current === -1 ? count : `${formatTokens(current + 1)} of ${count}`;
  } else if (search.active) status = `${countOf(search.visibleSteps.length, 'step', 'steps')} shown`;
  if (loadingMore) status += `${status ? ' · ' : ''}searching… ${formatTokens(loadedSteps)} steps read`;

  return (
    <div className="rl-trace-search" role="search" aria-label="Search this run" data-slot="trace-search" onFocus={onEngage}>
      <input
        ref={input}
        type="search"
        aria-label="Search steps"
        placeholder="Search steps  /"
        aria-keyshortcuts="/"
        aria-describedby={statusId}
        value={search.text}
        onChange={(event) => {
          setPendingGo(false);
          search.setText(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            if (matches.length === 0 && searching) setPendingGo(true);
            else go(event.shiftKey ? -1 : 1);
          } else if (event.key === 'Escape' && search.text) {
            event.preventDefault();
            search.setText('');
          }
        }}
      />
      <button type="button" aria-label="Previous match" aria-disabled={matches.length === 0 || undefined} onClick={() => go(-1)}>
        ↑
      </button>
      <button type="button" aria-label="Next match" aria-disabled={matches.length === 0 || undefined} onClick={() => go(1)}>
        ↓
      </button>
      {filterMenus.map(([key, label, all]) => (
        <select key={key} aria-label={label} value={search.filters[key]?.[0] ?? ''} onChange={(event) => setFilter(key, event.target.value)}>
          <option value="">{all}</option>
          {(key === 'toolNames' ? search.toolNames : filterValues[key]).map((value) => (
            <option key={value} value={value}>
              {filterNames[value] ?? value}
            </option>
          ))}
        </select>
      ))}
      <span id={statusId} className="rl-muted" role="status" data-slot="trace-search-status">
        {status}
      </span>
    </div>
  );
}

const countOf = (n: number, one: string, many: string) => `${formatTokens(n)} ${n === 1 ? one : many}`;

/** `/` focuses the search, as on GitHub and in Phoenix, unless someone is typing into a field. */
function useSlashToFocus(input: RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return;
      // With several inspectors on a page, one holding focus answers for itself; from elsewhere, the first one.
      const inspector = target?.closest('[data-slot="run-inspector"]');
      if (inspector && inspector !== input.current?.closest('[data-slot="run-inspector"]')) return;
      event.preventDefault();
      input.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [input]);
}
