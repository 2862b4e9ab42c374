'use client';

import { useCallback, useRef, useState } from 'react';

/**
 * Controlled when `value` is not `undefined`, uncontrolled from `defaultValue` otherwise;
 * `onChange` fires in both modes (Radix's `useControllableState`, trimmed down).
 */
export function useControllableState<T>(
  value: T | undefined,
  defaultValue: T,
  onChange?: (next: T) => void,
): [T, (next: T) => void] {
  const [uncontrolled, setUncontrolled] = useState(defaultValue);
  const isControlled = value !== undefined;
  const current = isControlled ? value : uncontrolled;
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const setValue = useCallback(
    (next: T) => {
      if (!isControlled) setUncontrolled(next);
      if (!Object.is(next, current)) onChangeRef.current?.(next);
    },
    [isControlled, current],
  );
  return [current, setValue];
}
