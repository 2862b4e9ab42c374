// The Assistants stream's event names, apart from the schemas: the query layer dispatches on
// them, and importing them must not pull zod into a bundle.

export const RUN_EVENT_NAMES = [
  'thread.run.created',
  'thread.run.queued',
  'thread.run.in_progress',
  'thread.run.requires_action',
  'thread.run.completed',
  'thread.run.incomplete',
  'thread.run.failed',
  'thread.run.cancelling',
  'thread.run.cancelled',
  'thread.run.expired',
] as const;

export const RUN_STEP_EVENT_NAMES = [
  'thread.run.step.created',
  'thread.run.step.in_progress',
  'thread.run.step.completed',
  'thread.run.step.failed',
  'thread.run.step.cancelled',
  'thread.run.step.expired',
] as const;

export const MESSAGE_EVENT_NAMES = [
  'thread.message.created',
  'thread.message.in_progress',
  'thread.message.completed',
  'thread.message.incomplete',
] as const;
