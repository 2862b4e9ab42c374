import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { startResponsesBackend } from './backend';

const userTurns = (count: number) => Array.from({ length: count }, (_, i) => ({ role: 'user' as const, content: `turn ${i}` }));

describe('responses: input items', () => {
  it('lists input items, newest first by default, with ids, input_text parts and a completed status', async () => {
    const { openai } = await startResponsesBackend();
    const response = await openai.responses.create({ model: 'gpt-4o', input: userTurns(3) });
    const page = await openai.responses.inputItems.list(response.id);
    expect(page.data.map((item) => (item.type === 'message' ? item.content[0] : undefined))).toEqual([
      { type: 'input_text', text: 'turn 2' },
      { type: 'input_text', text: 'turn 1' },
      { type: 'input_text', text: 'turn 0' },
    ]);
    for (const item of page.data) expect(item).toMatchObject({ id: expect.stringMatching(/^msg_/), type: 'message', role: 'user', status: 'completed' });
    expect(page.has_more).toBe(false);
  });

  it('pages with limit, order and after; has_more says whether more follow; the SDK auto-pages', async () => {
    const { openai } = await startResponsesBackend();
    const response = await openai.responses.create({ model: 'gpt-4o', input: userTurns(5) });
    const first = await openai.responses.inputItems.list(response.id, { limit: 2, order: 'asc' });
    const texts = (page: typeof first) => page.data.map((item) => (item.type === 'message' && item.content[0]?.type === 'input_text' ? item.content[0].text : ''));
    expect(texts(first)).toEqual(['turn 0', 'turn 1']);
    expect(first.has_more).toBe(true);
    const second = await openai.responses.inputItems.list(response.id, { limit: 2, order: 'asc', after: first.data[1]?.id });
    expect(texts(second)).toEqual(['turn 2', 'turn 3']);
    const last = await openai.responses.inputItems.list(response.id, { limit: 2, order: 'asc', after: second.data[1]?.id });
    expect(texts(last)).toEqual(['turn 4']);
    expect(last.has_more).toBe(false);

    const all: string[] = [];
    for await (const item of openai.responses.inputItems.list(response.id, { limit: 2 })) all.push(item.id);
    expect(all).toHaveLength(5);
    expect(new Set(all).size).toBe(5);
  });

  it('answers 400 for a bad limit or an unknown cursor and 404 for an unknown response', async () => {
    const { openai } = await startResponsesBackend();
    const response = await openai.responses.create({ model: 'gpt-4o', input: 'Hi' });
    const tooMany = await openai.responses.inputItems.list(response.id, { limit: 101 }).catch((e: unknown) => e);
    expect(tooMany).toBeInstanceOf(OpenAI.BadRequestError);
    expect((tooMany as InstanceType<typeof OpenAI.APIError>).param).toBe('limit');
    const cursor = await openai.responses.inputItems.list(response.id, { after: 'msg_nope' }).catch((e: unknown) => e);
    expect((cursor as InstanceType<typeof OpenAI.APIError>).param).toBe('after');
    const missing = await openai.responses.inputItems.list('resp_nope').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(OpenAI.NotFoundError);
    expect((missing as InstanceType<typeof OpenAI.APIError>).error).toEqual({ message: "Response with id 'resp_nope' not found.", type: 'invalid_request_error', param: null, code: null });
  });
});
