export * as RunList from './parts';
export type { RunListRootProps } from './RunListRoot';
export type { RunListItemsProps } from './RunListItems';
export type { RunListItemProps } from './RunListItem';
export type { RunListLoadMoreProps } from './RunListLoadMore';
export type { RunListEmptyProps } from './RunListEmpty';
