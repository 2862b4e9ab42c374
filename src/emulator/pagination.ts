import { badRequest } from './errors.js';
import type { ListPage } from './types.js';
import { invalidType, invalidValue, number } from './validate.js';

export interface ListQuery {
  /** 1–100. @default 20 */
  limit: number;
  /** @default 'desc' (newest first) */
  order: 'asc' | 'desc';
  after?: string;
  before?: string;
}

/** Reads `limit`, `order`, `after`, `before` from the query string, with the API's 400s. */
export function parseListQuery(search: URLSearchParams): ListQuery {
  const rawLimit = search.get('limit');
  let limit = 20;
  if (rawLimit !== null) {
    const parsed = Number(rawLimit);
    if (rawLimit.trim() === '' || !Number.isInteger(parsed)) throw invalidType('limit', 'integer', rawLimit);
    limit = number(1, 100, true)(parsed, 'limit');
  }
  const order = search.get('order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc') throw invalidValue('order', order, ['asc', 'desc']);
  const after = search.get('after') ?? undefined;
  const before = search.get('before') ?? undefined;
  return { limit, order, ...(after ? { after } : {}), ...(before ? { before } : {}) };
}

/** Where `id` sits in `items` viewed in `order` (reading by index: no reversed copy of the list). */
function cursorIndex(items: readonly { id: string }[], order: ListQuery['order'], id: string, param: 'after' | 'before'): number {
  let index = -1;
  for (let i = 0; i < items.length; i += 1) {
    if (items[i]?.id === id) {
      index = i;
      break;
    }
  }
  // A cursor that is not in this list is answered with a 400 rather than an empty page, so a stale
  // or mistyped cursor is noticed (the API's own answer here was never documented).
  if (index < 0) throw badRequest(`Invalid '${param}': no object with id '${id}' in this list.`, param, 'invalid_value');
  return order === 'asc' ? index : items.length - 1 - index;
}

/**
 * One page of `items` (given in creation order) as the spec lists them. `after` pages forward from
 * a cursor; `before` returns the `limit` items just before it (the previous page), still in `order`.
 * `has_more` says whether more items lie beyond the page in the direction of travel.
 * `first_id`/`last_id` are null on an empty page, as the API returned them.
 * Works on positions in the ordered view and copies only the page: a run can have 10 000 steps.
 */
export function paginate<T extends { id: string }>(items: readonly T[], query: ListQuery): ListPage<T> {
  const count = items.length;
  const at = (position: number): T => items[query.order === 'asc' ? position : count - 1 - position] as T;
  const start = query.after ? cursorIndex(items, query.order, query.after, 'after') + 1 : 0;
  const end = Math.max(start, query.before ? cursorIndex(items, query.order, query.before, 'before') : count);
  const backwards = query.before !== undefined && query.after === undefined;
  const from = backwards ? Math.max(start, end - query.limit) : start;
  const to = backwards ? end : Math.min(end, start + query.limit);
  const data: T[] = [];
  for (let position = from; position < to; position += 1) data.push(at(position));
  return {
    object: 'list',
    data,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
    has_more: end - start > data.length,
  };
}
