export * as RunList from './parts.js';
export type { RunListRootProps } from './RunListRoot.js';
export type { RunListItemsProps } from './RunListItems.js';
export type { RunListItemProps } from './RunListItem.js';
export type { RunListLoadMoreProps } from './RunListLoadMore.js';
export type { RunListEmptyProps } from './RunListEmpty.js';
