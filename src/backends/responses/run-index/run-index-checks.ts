import type { ListParams } from '../../../api/client.js';
import type { RunRecord } from './run-index.js';

// The argument checks every RunIndex makes (memory, localStorage, SQL, over the proxy), so each
// rejects the same call with the same error, whatever stands behind it.

export function checkRecord({ runId, conversationId, createdAt }: RunRecord): void {
  if (typeof runId !== 'string' || runId === '') throw new TypeError('recordRun: runId must be a non-empty string.');
  if (typeof conversationId !== 'string' || conversationId === '') {
    throw new TypeError('recordRun: conversationId must be a non-empty string.');
  }
  if (typeof createdAt !== 'number' || !Number.isFinite(createdAt)) {
    throw new TypeError('recordRun: createdAt must be a finite number (Unix seconds).');
  }
}

export function checkResponseId(responseId: unknown): void {
  if (typeof responseId !== 'string' || responseId === '') {
    throw new TypeError('appendResponse: responseId must be a non-empty string.');
  }
}

export function checkListParams({ limit = 20, order = 'desc' }: ListParams): { limit: number; order: 'asc' | 'desc' } {
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new RangeError(`Invalid 'limit': expected an integer from 1 to 100, got ${String(limit)}.`);
  }
  if (order !== 'asc' && order !== 'desc') throw new RangeError(`Invalid 'order': expected 'asc' or 'desc', got ${String(order)}.`);
  return { limit, order };
}
