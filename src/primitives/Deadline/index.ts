export * as Deadline from './parts.js';
export { deadlineState, DEADLINE_SOON_MS, type DeadlineState, type DeadlineStateName } from './deadlineState.js';
export type { DeadlineRootProps } from './DeadlineRoot.js';
