export * as Deadline from './parts';
export { deadlineState, DEADLINE_SOON_MS, type DeadlineState, type DeadlineStateName } from './deadlineState';
export type { DeadlineRootProps } from './DeadlineRoot';
