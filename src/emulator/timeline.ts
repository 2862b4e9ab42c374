import type { RunMutator } from './mutator.js';

/** One timed transition of a run. */
export interface Scheduled {
  at: number;
  /** Whether it changes a run or step status (what `openai-poll-after-ms` points at); deltas do not. */
  transition: boolean;
  apply(mutator: RunMutator): void;
}

/** Builds a run's schedule: a cursor in emulator ms and the transitions placed along it. */
export class Timeline {
  readonly items: Scheduled[] = [];
  /** Stretches every delay up to the next transition, so a phase's deltas stay inside it. */
  private stretch: number;

  /** `jitter` draws one factor per phase (the delays up to and including a transition); none keeps exact timings. */
  constructor(
    public cursor: number,
    private readonly jitter?: () => number,
  ) {
    this.stretch = jitter?.() ?? 1;
  }

  /** Moves the cursor by `delayMs` (stretched by the phase's jitter) and schedules `apply` there. */
  after(delayMs: number, apply: (mutator: RunMutator) => void, transition = true): void {
    this.cursor += Math.round(delayMs * this.stretch);
    this.items.push({ at: this.cursor, transition, apply });
    if (transition && this.jitter) this.stretch = this.jitter();
  }

  /** Schedules `apply` at an absolute time (not before the cursor), leaving the cursor alone. */
  at(atMs: number, apply: (mutator: RunMutator) => void): void {
    this.items.push({ at: Math.max(atMs, this.cursor), transition: true, apply });
  }

  /** The schedule in time order; ties keep the order they were added in. */
  sorted(): Scheduled[] {
    return [...this.items].sort((a, b) => a.at - b.at);
  }
}

/** Unix seconds, as every `*_at` field in the API's objects. */
export const toSeconds = (ms: number): number => Math.floor(ms / 1000);
