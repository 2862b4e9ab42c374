'use client';

import { isTransientError, RunsApiError, RunsSchemaError } from '../../api/errors.js';

/** The sentence to show a person: an error's own words, without the support context or a payload dump. */
export function errorText(error: unknown): string {
  if (RunsApiError.is(error) || RunsSchemaError.is(error)) return error.detail;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Whether a query's error replaces what it shows. Data already on screen stays through a failed
 * refresh that the next try may heal: an outage shows once, on the run (its stale notice), not as
 * an alert in every pane.
 */
export function errorReplacesData(error: unknown, hasData: boolean): boolean {
  return error != null && !(hasData && isTransientError(error));
}

/** Shown while a query has no data yet; `aria-busy` lets assistive tech know more is coming. */
export function LoadingState({ children }: { children: string }) {
  return (
    <p className="rl-loading" data-slot="loading" aria-busy="true">
      {children}
    </p>
  );
}

export function EmptyState({ children }: { children: string }) {
  return (
    <p className="rl-empty" data-slot="empty">
      {children}
    </p>
  );
}

/** A failed query or mutation: the message and, when it can be retried, a Retry button. */
export function ErrorState({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  return (
    <div className="rl-alert" data-slot="error" role="alert">
      <span>
        {title ? `${title}: ` : ''}
        {errorText(error)}
      </span>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
