import { describe, expect, it } from 'vitest';
import { pageOf } from '../../src/backends/page-of';

const items = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
const ids = (page: { data: { id: string }[] }) => page.data.map((item) => item.id);

describe('pageOf', () => {
  it('pages newest first by default, then on with after', () => {
    const first = pageOf(items, { limit: 2 });
    expect(first).toMatchObject({ object: 'list', first_id: 'e', last_id: 'd', has_more: true });
    expect(ids(first)).toEqual(['e', 'd']);
    expect(ids(pageOf(items, { limit: 2, after: 'd' }))).toEqual(['c', 'b']);
    const last = pageOf(items, { limit: 2, after: 'b' });
    expect(ids(last)).toEqual(['a']);
    expect(last.has_more).toBe(false);
  });

  it('before gives the items just before the cursor, still in order', () => {
    expect(ids(pageOf(items, { limit: 2, before: 'b' }))).toEqual(['d', 'c']);
    expect(ids(pageOf(items, { order: 'asc', limit: 2, before: 'd' }))).toEqual(['b', 'c']);
    expect(ids(pageOf(items, { order: 'asc', limit: 10 }))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('a cursor not in the list is refused, not answered with the first page again', () => {
    expect(() => pageOf(items, { after: 'zz' })).toThrow(RangeError);
    expect(() => pageOf(items, { before: 'zz' })).toThrow(/Invalid 'before': no item with id 'zz'/);
  });
});
