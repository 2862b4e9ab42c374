import { badRequest } from './errors';
import type { ListPage } from './types';
import { invalidType, invalidValue, number } from './validate';

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

function cursorIndex(ordered: readonly { id: string }[], id: string, param: 'after' | 'before'): number {
  const index = ordered.findIndex((item) => item.id === id);
  // A cursor that is not in this list is answered with a 400 rather than an empty page, so a stale
  // or mistyped cursor is noticed (the API's own answer here was never documented).
  if (index < 0) throw badRequest(`Invalid '${param}': no object with id '${id}' in this list.`, param, 'invalid_value');
  return index;
}

/**
 * One page of `items` (given in creation order) as the spec lists them. `after` pages forward from
 * a cursor; `before` returns the `limit` items just before it (the previous page), still in `order`.
 * `has_more` says whether more items lie beyond the page in the direction of travel.
 * `first_id`/`last_id` are null on an empty page, as the API returned them.
 */
export function paginate<T extends { id: string }>(items: readonly T[], query: ListQuery): ListPage<T> {
  const ordered = query.order === 'asc' ? [...items] : [...items].reverse();
  const start = query.after ? cursorIndex(ordered, query.after, 'after') + 1 : 0;
  const end = query.before ? cursorIndex(ordered, query.before, 'before') : ordered.length;
  const window = ordered.slice(start, Math.max(start, end));
  const backwards = query.before !== undefined && query.after === undefined;
  const data = backwards ? window.slice(Math.max(0, window.length - query.limit)) : window.slice(0, query.limit);
  return {
    object: 'list',
    data,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
    has_more: window.length > data.length,
  };
}
