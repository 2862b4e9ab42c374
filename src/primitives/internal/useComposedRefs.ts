'use client';

import { useCallback, type Ref } from 'react';

function setRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) (ref as { current: T | null }).current = value;
}

/** One callback ref that feeds the forwarded ref and our own. */
export function useComposedRefs<T>(...refs: (Ref<T> | undefined)[]): (node: T | null) => void {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the refs themselves are the deps
  return useCallback((node: T | null) => refs.forEach((ref) => setRef(ref, node)), refs);
}
