export type DeadlineStateName = 'ok' | 'soon' | 'expired';

export interface DeadlineState {
  state: DeadlineStateName;
  /** Whole seconds left, rounded up (0 once expired). */
  secondsLeft: number;
  /** "9:58 left", "1:02:03 left" or "Expired". */
  label: string;
}

/** Below this many ms left the deadline is "soon". */
export const DEADLINE_SOON_MS = 60_000;

const pad = (value: number) => value.toString().padStart(2, '0');

/**
 * Where a run's `expires_at` (unix s) stands at `now` (ms). Seconds round up, so "0:01 left"
 * shows until the moment it expires.
 */
export function deadlineState(expiresAt: number, now: number): DeadlineState {
  const remainingMs = expiresAt * 1000 - now;
  if (remainingMs <= 0) return { state: 'expired', secondsLeft: 0, label: 'Expired' };
  const secondsLeft = Math.ceil(remainingMs / 1000);
  const hours = Math.floor(secondsLeft / 3600);
  const minutes = Math.floor((secondsLeft % 3600) / 60);
  const seconds = secondsLeft % 60;
  const clock = hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
  return { state: remainingMs < DEADLINE_SOON_MS ? 'soon' : 'ok', secondsLeft, label: `${clock} left` };
}
