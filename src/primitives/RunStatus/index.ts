export * as RunStatus from './parts.js';
export { runStatusLabel } from './runStatusLabel.js';
export type { RunStatusRootProps } from './RunStatusRoot.js';
