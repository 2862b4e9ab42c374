import type { DataTag, QueryObserverOptions } from '@tanstack/query-core';
import type { RunsClient } from '../../api/client.js';
import type { Message } from '../../api/schemas/index.js';
import type { RunsError } from '../errors.js';
import { runlensKeys } from '../keys.js';
import { resolvePollingTuning } from '../polling.js';
import { pollIntervalAfterFailure } from '../run-poll-meta.js';
import { isStreamFeeding, streamedMessage } from '../stream/registry.js';
import { noQueryRetry, type RunlensQueryConfig } from './shared.js';

export type MessageQueryKey = ReturnType<typeof runlensKeys.message>;

export type MessageQueryOptions = Omit<
  QueryObserverOptions<Message, RunsError, Message, Message, MessageQueryKey>,
  'select'
> & {
  queryKey: DataTag<MessageQueryKey, Message, RunsError>;
};

/**
 * The message a `message_creation` step wrote. Polled while it is still being written
 * (`in_progress`), so its text grows; quiet once completed or incomplete. A failed read is tried
 * again as a failed run poll is (so a first load cut by a brief outage heals by itself). While a stream of its
 * run delivers it, the text grows from the stream's deltas instead, without requests.
 *
 * @example
 * queryClient.fetchQuery(messageQueryOptions(client, 'thread_1', 'msg_1'));
 */
export function messageQueryOptions(
  client: RunsClient,
  threadId: string,
  messageId: string,
  config: RunlensQueryConfig = {},
): MessageQueryOptions {
  const tuning = resolvePollingTuning(config.polling);
  return {
    queryKey: runlensKeys.message(threadId, messageId) as DataTag<MessageQueryKey, Message, RunsError>,
    queryFn: ({ signal, client: queryClient }) =>
      streamedMessage(queryClient, threadId, messageId) ?? client.getMessage(threadId, messageId, { signal }),
    refetchInterval: (query) => {
      const afterFailure = pollIntervalAfterFailure(query, tuning);
      if (afterFailure !== undefined) return afterFailure;
      const { data } = query.state;
      if (data?.status !== 'in_progress') return false;
      return data.run_id && isStreamFeeding(query, threadId, data.run_id) ? false : tuning.minIntervalMs;
    },
    retry: noQueryRetry,
  };
}
