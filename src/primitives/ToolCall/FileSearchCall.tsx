'use client';

import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import type { FileSearchResult, FileSearchToolCall } from '../../api/schemas/run-step.js';

export interface FileSearchCallProps extends ComponentPropsWithoutRef<'div'> {
  toolCall: FileSearchToolCall;
}

function ResultItem({ result }: { result: FileSearchResult }) {
  const texts = (result.content ?? []).flatMap((part) => (part.text ? [part.text] : []));
  return (
    <li data-part="result" data-file-id={result.file_id}>
      <span data-part="file-name">{result.file_name}</span>{' '}
      <span data-part="score">{result.score.toFixed(2)}</span>
      {texts.map((text, index) => (
        <p key={index} data-part="content">
          {text}
        </p>
      ))}
    </li>
  );
}

/** A file_search call: each result's file name, score (2 decimals) and chunk text when included. */
export const FileSearchCall = forwardRef<HTMLDivElement, FileSearchCallProps>(function FileSearchCall(
  { toolCall, children, ...props },
  ref,
) {
  const results = toolCall.file_search.results;
  return (
    <div data-tool-type="file_search" {...props} ref={ref}>
      {children ??
        (results === undefined ? (
          <span data-part="pending">No results yet</span>
        ) : results.length === 0 ? (
          <span data-part="empty">No results</span>
        ) : (
          <ul aria-label="File search results">
            {results.map((result, index) => (
              <ResultItem key={`${result.file_id}-${index}`} result={result} />
            ))}
          </ul>
        ))}
    </div>
  );
});
FileSearchCall.displayName = 'ToolCall.FileSearch';
