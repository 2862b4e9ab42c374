'use client';

import { createContext, useContext } from 'react';

/** How a file id becomes a URL an `<img>` can load; `undefined` shows the id as text. */
export type ResolveFileUrl = (fileId: string) => string | undefined;

export const ResolveFileUrlContext = createContext<ResolveFileUrl | undefined>(undefined);

export function useResolveFileUrl(own?: ResolveFileUrl): ResolveFileUrl | undefined {
  const inherited = useContext(ResolveFileUrlContext);
  return own ?? inherited;
}
