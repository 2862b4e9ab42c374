import { replaceEqualDeep, type InfiniteData } from '@tanstack/query-core';
import type { ListPage } from '../api/schemas/index.js';

/** Cursor of one page: `after` walks to older items (in desc order), `before` to newer ones. */
export interface PageCursor {
  after?: string;
  before?: string;
}

export type PagesData<T> = InfiniteData<ListPage<T>, PageCursor>;

interface HasId {
  id: string;
}

/** Replaces the item with `item.id` wherever it sits; the same object back when no page holds it. */
export function replaceInPages<T extends HasId>(data: PagesData<T>, item: T): PagesData<T> {
  let changed = false;
  const pages = data.pages.map((page) => {
    const index = page.data.findIndex((existing) => existing.id === item.id);
    if (index === -1 || page.data[index] === item) return page;
    changed = true;
    const items = page.data.slice();
    items[index] = item;
    return { ...page, data: items };
  });
  return changed ? { ...data, pages } : data;
}

export function pagesContain<T extends HasId>(data: PagesData<T>, id: string): boolean {
  return data.pages.some((page) => page.data.some((item) => item.id === id));
}

/**
 * Puts a brand-new item where a fresh fetch would show it, without refetching: at the top of a
 * desc list's first page, or at the end of an asc list whose last page says nothing follows.
 * Cursors move with it, so later `fetchPreviousPage` / `fetchNextPage` calls stay correct.
 */
export function insertIntoPages<T extends HasId>(
  data: PagesData<T>,
  item: T,
  order: 'asc' | 'desc',
): PagesData<T> {
  if (pagesContain(data, item.id)) return replaceInPages(data, item);
  const pages = data.pages.slice();
  if (order === 'desc') {
    const first = pages[0];
    if (!first) return data;
    pages[0] = { ...first, data: [item, ...first.data], first_id: item.id, last_id: first.last_id ?? item.id };
  } else {
    const lastIndex = pages.length - 1;
    const last = pages[lastIndex];
    if (!last || last.has_more) return data;
    pages[lastIndex] = { ...last, data: [...last.data, item], last_id: item.id, first_id: last.first_id ?? item.id };
  }
  return { ...data, pages };
}

/** Every item of every loaded page, in list order. */
export function flattenPages<T>(data: PagesData<T> | undefined): T[] {
  return data ? data.pages.flatMap((page) => page.data) : [];
}

/** A page with every field but `data` the same (`data` compared by identity). */
function samePage<T>(a: ListPage<T>, b: ListPage<T>): boolean {
  const keys = Object.keys(b) as (keyof ListPage<T>)[];
  return keys.length === Object.keys(a).length && keys.every((key) => Object.is(a[key], b[key]));
}

function isPagesData(value: unknown): value is PagesData<HasId> {
  const pages = (value as PagesData<unknown> | undefined)?.pages;
  return Array.isArray(pages) && pages.every((page) => Array.isArray(page?.data));
}

/**
 * `structuralSharing` for paged lists, pairing items by `id`. TanStack's default pairs them by
 * index, so one item put on top (insertIntoPages, or a refetch that finds a newer run) shifts every
 * index and every other item comes back as a new copy: each memoized row re-renders, and whatever
 * still holds the older list keeps a second copy alive. Here an unchanged item keeps its object
 * wherever it moved. Anything else (a `select` result) is shared the default way.
 */
export function sharePagesById(previous: unknown, next: unknown): unknown {
  if (!isPagesData(previous) || !isPagesData(next)) return replaceEqualDeep(previous, next);
  const known = new Map<string, HasId>();
  for (const page of previous.pages) for (const item of page.data) known.set(item.id, item);
  const pages = next.pages.map((page, index) => {
    const data = page.data.map((item) => {
      const before = known.get(item.id);
      return before ? replaceEqualDeep(before, item) : item;
    });
    const before = previous.pages[index];
    const sameData = before !== undefined && before.data.length === data.length && data.every((item, i) => item === before.data[i]);
    const shared = { ...page, data: sameData ? before.data : data };
    return before !== undefined && samePage(before, shared) ? before : shared;
  });
  const pageParams = replaceEqualDeep(previous.pageParams, next.pageParams);
  const unchanged = pageParams === previous.pageParams && pages.length === previous.pages.length && pages.every((page, i) => page === previous.pages[i]);
  return unchanged ? previous : { ...next, pages, pageParams };
}
