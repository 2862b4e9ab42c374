import * as z from 'zod/mini';
import { RUN_BUNDLE_FORMAT, RUN_BUNDLE_VERSION, type RunBundle } from '../../api/bundle/types.js';
import { flattenIssues, formatPath, issueMessage, kindOf, snippet, valueAt } from '../../api/issues.js';
import { RUN_EVENT_NAMES } from '../../api/schemas/event-names.js';
import { messageSchema } from '../../api/schemas/message.js';
import { runStepSchema } from '../../api/schemas/run-step.js';
import { runSchema } from '../../api/schemas/run.js';
import { assistantStreamEventSchema } from '../../api/schemas/stream-events.js';

/** A file that is not a run bundle this package can read: `path` says where (`steps[3].run_id`), the message what to fix. */
export class RunBundleError extends Error {
  override readonly name: string = 'RunBundleError';
  /** Where in the bundle, as `steps[3].status`; `(root)` for the file itself. */
  readonly path: string;

  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`);
    this.path = path;
  }
}

const recordedEventSchema = z.object({
  at: z.number().check(z.minimum(0)),
  event: assistantStreamEventSchema,
});

// The layout after `format` and `version` are known to be this package's: the run model's own
// schemas (as every backend checks its answers), so a bundle reads back as the backend returned it.
const bundleSchema = z.looseObject({
  format: z.literal(RUN_BUNDLE_FORMAT),
  version: z.literal(RUN_BUNDLE_VERSION),
  exportedAt: z.string(),
  run: runSchema,
  steps: z.array(runStepSchema),
  messages: z.array(messageSchema),
  events: z.optional(z.array(recordedEventSchema)),
});

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The first id that comes twice in `items`, as the error for its second place. */
function duplicateOf(items: readonly { id: string }[], list: string): RunBundleError | null {
  const seen = new Map<string, number>();
  for (let i = 0; i < items.length; i += 1) {
    const { id } = items[i]!;
    const first = seen.get(id);
    if (first !== undefined) return new RunBundleError(`${list}[${i}].id`, `duplicate id ${snippet(id)}, already at ${list}[${first}]; each object may appear once.`);
    seen.set(id, i);
  }
  return null;
}

const runEvents = new Set<string>(RUN_EVENT_NAMES);

/**
 * Checks that `json` is a run bundle this version of runlens can read (the parsed JSON of a
 * `.runlens.json` file, or its text) and returns it. Throws a `RunBundleError` naming where the
 * file goes wrong and what to do: not a bundle, made by a newer runlens, a step of another run,
 * an object listed twice, a field the runs API would not send.
 *
 * @example
 * const bundle = parseRunBundle(JSON.parse(await file.text()));
 */
export function parseRunBundle(json: unknown): RunBundle {
  let input = json;
  if (typeof input === 'string') {
    try {
      input = JSON.parse(input);
    } catch (error) {
      throw new RunBundleError('(root)', `not JSON (${(error as Error).message}); open the .runlens.json file runlens exported.`);
    }
  }
  if (!isRecord(input)) {
    throw new RunBundleError('(root)', `expected a run bundle (a JSON object with format ${JSON.stringify(RUN_BUNDLE_FORMAT)}), got ${kindOf(input)}.`);
  }
  if (input.format !== RUN_BUNDLE_FORMAT) {
    throw new RunBundleError('format', `expected ${JSON.stringify(RUN_BUNDLE_FORMAT)}, got ${snippet(input.format)}: this file is not a runlens run export.`);
  }
  if (typeof input.version === 'number' && Number.isInteger(input.version) && input.version > RUN_BUNDLE_VERSION) {
    throw new RunBundleError('version', `this bundle is version ${input.version}, made by a newer runlens; this one reads version ${RUN_BUNDLE_VERSION}. Update runlens to open it.`);
  }
  const parsed = bundleSchema.safeParse(input);
  if (!parsed.success) {
    const issue = flattenIssues(parsed.error.issues)[0]!;
    const value = valueAt(input, issue.path);
    throw new RunBundleError(formatPath(issue.path), `${issueMessage(issue, value)}; got ${snippet(value)}. The file was changed after export, or is not a runlens run export.`);
  }
  const bundle = parsed.data as RunBundle;
  const { run } = bundle;
  bundle.steps.forEach((step, i) => {
    if (step.run_id !== run.id) throw new RunBundleError(`steps[${i}].run_id`, `step ${snippet(step.id)} belongs to run ${snippet(step.run_id)}, not to the bundle's run ${snippet(run.id)}; a bundle holds one run.`);
    if (step.thread_id !== run.thread_id) throw new RunBundleError(`steps[${i}].thread_id`, `step ${snippet(step.id)} is in thread ${snippet(step.thread_id)}, not in the run's thread ${snippet(run.thread_id)}.`);
  });
  bundle.messages.forEach((message, i) => {
    if (message.thread_id !== run.thread_id) throw new RunBundleError(`messages[${i}].thread_id`, `message ${snippet(message.id)} is in thread ${snippet(message.thread_id)}, not in the run's thread ${snippet(run.thread_id)}.`);
  });
  const duplicate = duplicateOf(bundle.steps, 'steps') ?? duplicateOf(bundle.messages, 'messages');
  if (duplicate) throw duplicate;
  bundle.events?.forEach(({ event }, i) => {
    if (runEvents.has(event.event) && (event.data as { id: string }).id !== run.id) {
      throw new RunBundleError(`events[${i}].event.data.id`, `a ${event.event} event of run ${snippet((event.data as { id: string }).id)}, not of the bundle's run ${snippet(run.id)}; record only this run's stream.`);
    }
  });
  return bundle;
}
