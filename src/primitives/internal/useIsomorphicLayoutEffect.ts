'use client';

import { useEffect, useLayoutEffect } from 'react';

/** useLayoutEffect in the browser; on the server (where it warns and never runs) a no-op useEffect. */
export const useIsomorphicLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;
