import * as z from 'zod/mini';
import { apiErrorObjectSchema, openDiscriminatedUnion } from './common.js';
import { messageDeltaSchema, messageSchema, threadSchema } from './message.js';
import { runSchema } from './run.js';
import { runStepSchema } from './run-step.js';
import { runStepDeltaSchema } from './run-step-delta.js';
import { MESSAGE_EVENT_NAMES, RUN_EVENT_NAMES, RUN_STEP_EVENT_NAMES } from './event-names.js';

export { MESSAGE_EVENT_NAMES, RUN_EVENT_NAMES, RUN_STEP_EVENT_NAMES } from './event-names.js';

// The SSE events of a streamed run (`event: <name>` + `data: <json>`), from the SDK's
// AssistantStreamEvent and the spec's SSE examples; the cut spec lacks their schemas.

const knownEventVariants = [
  z.object({ event: z.literal('thread.created'), data: threadSchema }),
  z.object({ event: z.literal(RUN_EVENT_NAMES), data: runSchema }),
  z.object({ event: z.literal(RUN_STEP_EVENT_NAMES), data: runStepSchema }),
  z.object({ event: z.literal('thread.run.step.delta'), data: runStepDeltaSchema }),
  z.object({ event: z.literal(MESSAGE_EVENT_NAMES), data: messageSchema }),
  z.object({ event: z.literal('thread.message.delta'), data: messageDeltaSchema }),
  z.object({ event: z.literal('error'), data: apiErrorObjectSchema }),
  /** The stream's last event; its data is the text `[DONE]`, not JSON. */
  z.object({ event: z.literal('done'), data: z.literal('[DONE]') }),
] as const;

/** An event name this code does not know yet: kept, so a stream reader can skip it. */
const unknownEventSchema = z.object({
  event: z.literal('unknown'),
  original_event: z.string(),
  data: z.unknown(),
});

/** One stream event as `{ event, data }`, `data` already JSON-decoded (except `done`'s `[DONE]`). */
export const assistantStreamEventSchema = openDiscriminatedUnion(
  'event',
  'original_event',
  knownEventVariants,
  unknownEventSchema,
);
export type AssistantStreamEvent = z.infer<typeof assistantStreamEventSchema>;

/** Turns one SSE frame into the input of `assistantStreamEventSchema`. */
export function decodeStreamFrame(event: string, data: string): { event: string; data: unknown } {
  return { event, data: event === 'done' ? data : JSON.parse(data) };
}
