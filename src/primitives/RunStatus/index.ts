export * as RunStatus from './parts';
export { runStatusLabel } from './runStatusLabel';
export type { RunStatusRootProps } from './RunStatusRoot';
