import type { StatusChange } from './page/protocol';

/** How long each status change of the window took to show in its row. */
export interface Staleness {
  /** ms from the change to its row showing it (or a later status), one per change in the window. */
  delaysMs: number[];
  /** The same delays by the status changed to. */
  byStatus: Record<string, number[]>;
  /** Changes no row had shown by the end of the watch (counted in `delaysMs` at the time watched so far). */
  unseen: number;
}

const byRun = (changes: StatusChange[]): Map<string, StatusChange[]> => {
  const runs = new Map<string, StatusChange[]>();
  for (const change of [...changes].sort((a, b) => a.at - b.at)) {
    const list = runs.get(change.runId) ?? [];
    list.push(change);
    runs.set(change.runId, list);
  }
  return runs;
};

/**
 * Lines each row's sightings up with the oracle's changes of that run, in order (statuses repeat:
 * queued → in_progress → requires_action → queued …): a sighting of status s matches the next
 * oracle change to s at or after the last match, and every change up to it counts as seen then (a
 * status the row skipped was seen when a later one was). `slackMs` lets a row show a change a
 * moment before the oracle's stamp (the oracle's stream wakes on a timer, a request may read the
 * state first). Only changes in [from, to] are measured; rows are watched until `watchedUntil`.
 */
export function stalenessOf(
  oracle: StatusChange[],
  sightings: StatusChange[],
  window: { from: number; to: number; watchedUntil: number },
  slackMs = 50,
): Staleness {
  const shown = byRun(sightings);
  const delaysMs: number[] = [];
  const byStatus: Record<string, number[]> = {};
  let unseen = 0;
  for (const [runId, changes] of byRun(oracle)) {
    const seenAt: (number | undefined)[] = changes.map(() => undefined);
    let position = -1;
    for (const sighting of shown.get(runId) ?? []) {
      let match = -1;
      for (let j = Math.max(0, position); j < changes.length; j += 1) {
        const change = changes[j]!;
        if (change.at > sighting.at + slackMs) break;
        if (change.status === sighting.status) {
          match = j;
          if (j > position) break;
        }
      }
      if (match < 0) continue;
      for (let i = position + 1; i <= match; i += 1) seenAt[i] ??= sighting.at;
      position = Math.max(position, match);
    }
    changes.forEach((change, i) => {
      if (change.at < window.from || change.at > window.to) return;
      const seen = seenAt[i];
      if (seen === undefined) unseen += 1;
      const delay = Math.max(0, (seen ?? window.watchedUntil) - change.at);
      delaysMs.push(delay);
      (byStatus[change.status] ??= []).push(delay);
    });
  }
  return { delaysMs, byStatus, unseen };
}

