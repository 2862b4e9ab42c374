export * as Usage from './parts';
export { costOf, formatCost, formatTokens, type ModelPrice } from './formatUsage';
export type { UsageRootProps } from './UsageRoot';
