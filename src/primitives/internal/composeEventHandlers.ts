/**
 * The user's handler runs first; ours runs unless they called `event.preventDefault()`
 * (Radix's rule, so a consumer can opt out of built-in behaviour per event).
 */
export function composeEventHandlers<E extends { defaultPrevented: boolean }>(
  theirs: ((event: E) => void) | undefined,
  ours: (event: E) => void,
): (event: E) => void {
  return (event) => {
    theirs?.(event);
    if (!event.defaultPrevented) ours(event);
  };
}
