import type OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { startCheckedBackend } from './checked-backend';
import { expectListConforms } from './conformance';
import { listBody, type ListBody } from './invariants';

type Query = { limit?: number; order?: 'asc' | 'desc'; after?: string; before?: string };
type Lister = (query: Query) => Promise<ListBody<{ id: string }>>;

/** Pages forward with `after` to the end, then back with `before` from the last page to the start. */
async function walk(list: Lister, order: 'asc' | 'desc', limit: number, schema = 'ListRunsResponse') {
  const forward: string[][] = [];
  let page = await list({ order, limit });
  for (;;) {
    expectListConforms(schema, page);
    forward.push(page.data.map((item) => item.id));
    if (!page.has_more) break;
    page = await list({ order, limit, after: page.last_id ?? '' });
  }
  const backward: string[][] = [];
  const lastPageFirst = forward.at(-1)?.[0] ?? '';
  page = await list({ order, limit, before: lastPageFirst });
  for (;;) {
    backward.unshift(page.data.map((item) => item.id));
    if (!page.has_more) break;
    page = await list({ order, limit, before: page.first_id ?? '' });
  }
  backward.push(forward.at(-1) ?? []);
  return { forward, backward };
}

async function threadWithRuns(openai: OpenAI, clock: { advance(ms: number): void }, count: number) {
  const assistant = await openai.beta.assistants.create({ model: 'gpt-4o' });
  const thread = await openai.beta.threads.create();
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    ids.push((await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id })).id);
    clock.advance(3_000);
  }
  return { thread, ids };
}

describe('cursor pagination', () => {
  it('walks after then before through several pages in both orders, every run once', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { thread, ids } = await threadWithRuns(openai, clock, 23);
    const list: Lister = (query) => listBody(openai.beta.threads.runs.list(thread.id, query));
    for (const order of ['asc', 'desc'] as const) {
      const expected = order === 'asc' ? ids : [...ids].reverse();
      const { forward, backward } = await walk(list, order, 5);
      expect(forward.length).toBe(5);
      expect(forward.flat()).toEqual(expected);
      expect(backward).toEqual(forward);
    }
  });

  it('defaults to 20 items, newest first, with has_more, first_id and last_id', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { thread, ids } = await threadWithRuns(openai, clock, 22);
    const page = await listBody<{ id: string }>(openai.beta.threads.runs.list(thread.id));
    expectListConforms('ListRunsResponse', page);
    expect(page.data.map((r) => r.id)).toEqual([...ids].reverse().slice(0, 20));
    expect(page).toMatchObject({ object: 'list', has_more: true, first_id: ids[21], last_id: ids[2] });
    const rest = await listBody<{ id: string }>(openai.beta.threads.runs.list(thread.id, { after: page.last_id ?? '' }));
    expect(rest).toMatchObject({ has_more: false, first_id: ids[1], last_id: ids[0] });
  });

  it('keeps creation order for items created in the same second (messages)', async () => {
    const { openai } = await startCheckedBackend();
    const thread = await openai.beta.threads.create();
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) ids.push((await openai.beta.threads.messages.create(thread.id, { role: 'user', content: `message ${i}` })).id);
    const list: Lister = (query) => listBody(openai.beta.threads.messages.list(thread.id, query));
    const asc = await walk(list, 'asc', 5, 'ListMessagesResponse');
    expect(asc.forward.flat()).toEqual(ids);
    expect(asc.backward).toEqual(asc.forward);
    const desc = await walk(list, 'desc', 4, 'ListMessagesResponse');
    expect(desc.forward.flat()).toEqual([...ids].reverse());
    const page = await list({ order: 'asc', limit: 100 });
    expectListConforms('ListMessagesResponse', page);
  });

  it('pages assistants too', async () => {
    const { openai } = await startCheckedBackend();
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) ids.push((await openai.beta.assistants.create({ model: 'gpt-4o', name: `a${i}` })).id);
    const list: Lister = (query) => listBody(openai.beta.assistants.list(query));
    const { forward, backward } = await walk(list, 'desc', 3, 'ListAssistantsResponse');
    expect(forward.flat()).toEqual([...ids].reverse());
    expect(backward).toEqual(forward);
    expectListConforms('ListAssistantsResponse', await list({}));
  });

  it('returns an empty page with null first_id and last_id', async () => {
    const { openai } = await startCheckedBackend();
    const thread = await openai.beta.threads.create();
    for (const page of [
      await listBody(openai.beta.threads.runs.list(thread.id)),
      await listBody(openai.beta.threads.messages.list(thread.id)),
      await listBody(openai.beta.assistants.list()),
    ]) {
      expect(page).toEqual({ object: 'list', data: [], first_id: null, last_id: null, has_more: false });
    }
  });

  it('works with the SDK auto-pagination', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { thread, ids } = await threadWithRuns(openai, clock, 9);
    const seen: string[] = [];
    for await (const run of openai.beta.threads.runs.list(thread.id, { limit: 2, order: 'asc' })) seen.push(run.id);
    expect(seen).toEqual(ids);
  });
});
