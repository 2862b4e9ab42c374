'use client';

import type { RunsCapabilities } from '../api/capabilities.js';
import { useRunsContext } from './useRunsClient.js';

/**
 * What the backend behind the nearest RunsProvider can do: hide or disable an action whose
 * capability is not `true`, and show its `unsupported` text instead.
 *
 * @example
 * const { updateMetadata } = useRunsCapabilities();
 * if (updateMetadata !== true) return <p>{updateMetadata.unsupported}</p>;
 */
export function useRunsCapabilities(): RunsCapabilities {
  return useRunsContext().capabilities;
}
