'use client';

import { memo } from 'react';
import { useHydrated } from '../../react/useHydrated.js';
import { formatUnixTime } from './format.js';

/**
 * A unix-seconds time as `<time>`: UTC on the server and while hydrating (the server's zone and
 * locale are not the viewer's, and the two renders must match), the viewer's own right after.
 */
export const UnixTime = memo(function UnixTime({ seconds, className }: { seconds: number; className?: string }) {
  const { iso, text } = formatUnixTime(seconds, useHydrated() ? 'local' : 'utc');
  return (
    <time className={className} dateTime={iso}>
      {text}
    </time>
  );
});
