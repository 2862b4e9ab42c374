import type { ListParams } from '../api/client.js';
import type { ListPage } from '../api/schemas/index.js';

/**
 * One page of `items` (oldest first), cursored as the Assistants API pages: `limit` (default 20),
 * `order` (default desc), `after` / `before` an item id. The Responses backend builds lists the API
 * does not have (a run's steps from its chain) and the replay backend serves an exported run's;
 * both must page like the lists runlens reads.
 * A cursor that is not in the list is a RangeError (the API answers 400 rather than an empty
 * page, so a stale cursor is noticed). The run index pages its runs with it too.
 */
export function pageOf<T extends { id: string }>(items: readonly T[], params: ListParams = {}): ListPage<T> {
  const limit = params.limit ?? 20;
  const ordered = params.order === 'asc' ? items : [...items].reverse();
  const position = (id: string, param: 'after' | 'before') => {
    const at = ordered.findIndex((item) => item.id === id);
    if (at < 0) throw new RangeError(`Invalid '${param}': no item with id '${id}' in this list.`);
    return at;
  };
  const start = params.after ? position(params.after, 'after') + 1 : 0;
  const end = params.before ? Math.max(start, position(params.before, 'before')) : ordered.length;
  const backwards = params.before !== undefined && params.after === undefined;
  const slice = backwards ? ordered.slice(Math.max(start, end - limit), end) : ordered.slice(start, Math.min(end, start + limit));
  return { object: 'list', data: slice, first_id: slice[0]?.id ?? null, last_id: slice.at(-1)?.id ?? null, has_more: end - start > slice.length };
}
