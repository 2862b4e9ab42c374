'use client';

import { forwardRef, type ComponentPropsWithoutRef, type ForwardRefExoticComponent, type RefAttributes } from 'react';
import { composeEventHandlers } from '../internal/composeEventHandlers.js';

export interface RunListLoadMoreProps extends Omit<ComponentPropsWithoutRef<'button'>, 'onLoad'> {
  /** Fetch the next page in this direction. */
  onLoad(): void;
  /**
   * False when the server said there is nothing more; the button is then disabled.
   * @default true
   */
  hasMore?: boolean;
  /**
   * Disables the button and sets `aria-busy` / `data-loading`.
   * @default false
   */
  isLoading?: boolean;
}

type LoadMoreButton = ForwardRefExoticComponent<RunListLoadMoreProps & RefAttributes<HTMLButtonElement>>;

// Both buttons differ only by their default text, so one factory makes both.
function createLoadMoreButton(defaultText: string, displayName: string): LoadMoreButton {
  const Button = forwardRef<HTMLButtonElement, RunListLoadMoreProps>(function LoadMore(
    { onLoad, hasMore = true, isLoading = false, disabled, children, onClick, ...props },
    ref,
  ) {
    const isDisabled = Boolean(disabled) || isLoading || !hasMore;
    return (
      <button
        type="button"
        disabled={isDisabled}
        aria-busy={isLoading || undefined}
        data-loading={isLoading ? '' : undefined}
        data-disabled={isDisabled ? '' : undefined}
        {...props}
        ref={ref}
        onClick={composeEventHandlers(onClick, () => onLoad())}
      >
        {children ?? defaultText}
      </button>
    );
  });
  Button.displayName = displayName;
  return Button;
}

/** "Load older runs"; works anywhere, it needs no context. */
export const RunListLoadOlder = createLoadMoreButton('Load older runs', 'RunList.LoadOlder');
/** "Load newer runs"; works anywhere, it needs no context. */
export const RunListLoadNewer = createLoadMoreButton('Load newer runs', 'RunList.LoadNewer');
