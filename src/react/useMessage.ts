'use client';

import { useQuery, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import type { Message } from '../api/schemas/index.js';
import type { RunsError } from '../query/errors.js';
import { messageQueryOptions, type MessageQueryKey } from '../query/options/message.js';
import { useRunsContext } from './useRunsClient.js';

export type UseMessageOptions<TData = Message> = Omit<
  UseQueryOptions<Message, RunsError, TData, MessageQueryKey>,
  'queryKey' | 'queryFn'
>;

/**
 * The message a `message_creation` step wrote (`step.step_details.message_creation.message_id`).
 * Polled while it is still being written; pass `enabled: false` until the id is known.
 *
 * @example
 * const { data: message } = useMessage(threadId, step.step_details.message_creation.message_id);
 * const text = message?.content.flatMap((part) => (part.type === 'text' ? [part.text.value] : [])).join('\n');
 */
export function useMessage<TData = Message>(
  threadId: string,
  messageId: string,
  options?: UseMessageOptions<TData>,
): UseQueryResult<TData, RunsError> {
  const { client, polling } = useRunsContext();
  return useQuery({ ...messageQueryOptions(client, threadId, messageId, { polling }), ...options });
}
