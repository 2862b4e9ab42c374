/** Lists longer than this mount only their visible rows unless `virtualize` says otherwise. */
export const VIRTUALIZE_ABOVE = 50;

/** Props every virtualized step list (RunStepList.Root, RunTimeline.Root) shares. */
export interface VirtualListProps {
  /**
   * Mount only the visible rows. Give the Root a fixed height (CSS or `style`) when on.
   * @default steps.length > 50
   */
  virtualize?: boolean;
  /**
   * Called after paint when a virtualized list has rendered a row within `endReachedThreshold`
   * rows of its end, once per list length: load the next page here. Not called when not
   * virtualized — keep a "Load more" button as the keyboard/AT fallback either way.
   * @example <RunStepList.Root steps={steps} onEndReached={() => hasNextPage && fetchNextPage()} />
   */
  onEndReached?: () => void;
  /**
   * How many rows before the end `onEndReached` fires.
   * @default 10
   */
  endReachedThreshold?: number;
}

export function shouldVirtualize(virtualize: boolean | undefined, rowCount: number): boolean {
  return virtualize ?? rowCount > VIRTUALIZE_ABOVE;
}
