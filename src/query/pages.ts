import type { InfiniteData } from '@tanstack/query-core';
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
