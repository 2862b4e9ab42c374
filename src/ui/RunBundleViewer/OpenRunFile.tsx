'use client';

import { forwardRef, useRef, type ComponentPropsWithoutRef } from 'react';

export interface OpenRunFileProps extends Omit<ComponentPropsWithoutRef<'button'>, 'onClick' | 'type'> {
  /** Called with the file someone picked. */
  onOpen(file: File): void;
  /**
   * What the file picker offers.
   * @default '.json,application/json'
   */
  accept?: string;
}

/**
 * An "Open file" button that opens the browser's file picker (a real button, so Enter and Space
 * work; the file input itself stays out of the tab order).
 */
export const OpenRunFile = forwardRef<HTMLButtonElement, OpenRunFileProps>(function OpenRunFile(
  { onOpen, accept = '.json,application/json', children = 'Open file', ...props },
  ref,
) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" data-slot="open-run-file" {...props} ref={ref} onClick={() => input.current?.click()}>
        {children}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared, so picking the same file again (after fixing it) fires again.
          event.target.value = '';
          if (file) onOpen(file);
        }}
      />
    </>
  );
});
