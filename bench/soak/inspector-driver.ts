// Drives the mounted RunInspector the way a person does (clicks, typing, the assistant picker),
// through DOM events on its own controls, and waits for what the screen shows. No act(): React
// schedules its work as it does in an app. Selectors are the components' data-slot attributes.
import { fireEvent } from '@testing-library/dom';
import { benchClearTimeout, benchSetTimeout } from './timers';

// Only simple `[data-slot="…"]` queries (jsdom's fast path), each within one of the inspector's two
// columns: every check runs on every DOM change, and the runs list holds hundreds of rows by the end.
const slot = (name: string, within: ParentNode | null | undefined): HTMLElement | null =>
  within?.querySelector<HTMLElement>(`[data-slot="${name}"]`) ?? null;
let inspector: Element | null = null;
/** The inspector's side column (runs, new-run form) and its details panel, if one is shown. */
function columns(): { side: Element | null; details: Element | null } {
  if (!inspector?.isConnected) inspector = document.querySelector('[data-slot="run-inspector"]');
  const details = inspector?.lastElementChild ?? null;
  return { side: inspector?.firstElementChild ?? null, details: details?.getAttribute('data-slot') === 'run-details' ? details : null };
}
const submitButton = (within: Element | null): HTMLButtonElement | null => within?.querySelector<HTMLButtonElement>('[type="submit"]') ?? null;

/** Resolves once `check()` returns a value (checked now and on every DOM change); rejects after `timeoutMs`. */
export function waitForScreen<T>(what: string, check: () => T | null | undefined | false, timeoutMs = 20_000): Promise<T> {
  const now = check();
  if (now) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      const value = check();
      if (!value) return;
      observer.disconnect();
      benchClearTimeout(timer);
      resolve(value);
    });
    // Everything the driver reads is an element or one of these attributes; text changes are not watched.
    observer.observe(document.body, { subtree: true, childList: true, attributeFilter: ['data-state', 'disabled', 'aria-label'] });
    const timer = benchSetTimeout(() => {
      observer.disconnect();
      reject(new Error(`bench:soak: timed out waiting for ${what}; the inspector shows:\n${document.body.textContent?.slice(0, 2000)}`));
    }, timeoutMs);
  });
}

/** The id of the run the details panel shows, once its header is on screen. */
export const shownRunId = (): string | null => {
  const { details } = columns();
  return slot('run-header', details) ? (details!.getAttribute('aria-label')?.replace(/^Run /, '') ?? null) : null;
};

/** The status in the selected run's header badge. */
export const shownStatus = (): string | null => slot('run-status', slot('run-header', columns().details))?.getAttribute('data-state') ?? null;

export const waitForStatus = (runId: string, statuses: string[]): Promise<string> =>
  waitForScreen(`run ${runId} to show ${statuses.join(' or ')}`, () => shownRunId() === runId && statuses.includes(shownStatus() ?? '') && shownStatus());

/** Picks the assistant, presses "Start run" and resolves with the id of the run the inspector then selects. */
export async function startRun(assistantId: string): Promise<string> {
  const previous = shownRunId();
  const form = await waitForScreen('the new-run form', () => {
    // The side column's last child, after the runs pane.
    const found = columns().side?.lastElementChild;
    if (found?.getAttribute('data-slot') !== 'new-run-form') return null;
    return submitButton(found)?.disabled === false && found;
  });
  fireEvent.change(form.getElementsByTagName('select').item(0)!, { target: { value: assistantId } });
  fireEvent.click(submitButton(form)!);
  return waitForScreen('the started run to be selected', () => {
    const id = shownRunId();
    return id !== previous && id;
  });
}

/** Types an output into every pending call's field and submits them. */
export async function answerToolCalls(runId: string): Promise<void> {
  const submit = await waitForScreen(`run ${runId}'s tool-outputs form`, () => {
    const button = submitButton(slot('tool-outputs', columns().details));
    return button?.disabled === false && button;
  });
  for (const field of Array.from(slot('tool-outputs', columns().details)!.getElementsByTagName('textarea'))) {
    fireEvent.change(field, { target: { value: '{"temperature": 21}' } });
  }
  fireEvent.click(submit);
  await waitForScreen(`run ${runId} to leave requires_action`, () => shownRunId() === runId && shownStatus() !== 'requires_action');
}

/** Presses "Cancel run" and waits for the header to say `cancelling` (or already `cancelled`). */
export async function cancelRun(runId: string): Promise<void> {
  const button = await waitForScreen(`run ${runId}'s cancel button`, () => {
    // "Cancel run" is the panel's danger button.
    const found = slot('run-actions', columns().details)?.querySelector<HTMLButtonElement>('[data-variant="danger"]');
    return found?.disabled === false && found;
  });
  fireEvent.click(button);
  await waitForStatus(runId, ['cancelling', 'cancelled']);
}

/** Run rows in the runs listbox right now. */
export const listedRuns = (): number => document.querySelectorAll('[data-slot="run-list-item"]').length;

const driverSelectors = ['run-details', 'run-header', 'run-status', 'new-run-form', 'tool-outputs', 'run-actions', 'run-list-item', 'run-list-empty'].map(
  (name) => `[data-slot="${name}"]`,
);

/**
 * Runs each of the driver's queries once more on the current screen. jsdom's selector engine keeps
 * what its last queries matched and walked (a browser does not), which would count rows long
 * removed as retained heap. `*` goes through the engine's tree walker and resets its position.
 */
export function refreshSelectorCaches(): void {
  for (const selector of ['*', ...driverSelectors]) {
    document.querySelector(selector);
    document.querySelectorAll(selector);
  }
}
