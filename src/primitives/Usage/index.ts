export * as Usage from './parts.js';
export { costOf, formatCost, formatTokens, type ModelPrice } from './formatUsage.js';
export type { UsageRootProps } from './UsageRoot.js';
