import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { startResponsesBackend } from './backend';
import { messageText } from './helpers';

describe('conversations', () => {
  it('creates with items and metadata, retrieves, updates metadata, deletes', async () => {
    const { openai } = await startResponsesBackend();
    const conversation = await openai.conversations.create({
      metadata: { topic: 'runs' },
      items: [{ type: 'message', role: 'user', content: 'Hello there' }],
    });
    expect(conversation).toMatchObject({ object: 'conversation', metadata: { topic: 'runs' } });
    expect(conversation.id).toMatch(/^conv_/);
    expect(await openai.conversations.retrieve(conversation.id)).toEqual(conversation);

    const updated = await openai.conversations.update(conversation.id, { metadata: { topic: 'responses', owner: 'ada' } });
    expect(updated).toEqual({ ...conversation, metadata: { topic: 'responses', owner: 'ada' } });

    const items = await openai.conversations.items.list(conversation.id);
    expect(items.data).toHaveLength(1);
    expect(items.data[0]).toMatchObject({ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hello there' }] });

    expect(await openai.conversations.delete(conversation.id)).toEqual({ id: conversation.id, object: 'conversation.deleted', deleted: true });
    const gone = await openai.conversations.retrieve(conversation.id).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(OpenAI.NotFoundError);
    expect((gone as InstanceType<typeof OpenAI.APIError>).message).toContain(`Conversation with id '${conversation.id}' not found.`);
  });

  it('adds, lists, retrieves and deletes items', async () => {
    const { openai } = await startResponsesBackend();
    const conversation = await openai.conversations.create({});
    const added = await openai.conversations.items.create(conversation.id, {
      items: [
        { type: 'message', role: 'user', content: 'one' },
        { type: 'message', role: 'assistant', content: 'two' },
        { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'three' }] },
      ],
    });
    expect(added.data).toHaveLength(3);
    expect(added.data[1]).toMatchObject({ role: 'assistant', content: [{ type: 'output_text', text: 'two', annotations: [] }] });
    const [one, two, three] = added.data.map((item) => item.id);

    const page = await openai.conversations.items.list(conversation.id, { limit: 2, order: 'asc' });
    expect(page.data.map((item) => item.id)).toEqual([one, two]);
    expect(page.has_more).toBe(true);
    const next = await openai.conversations.items.list(conversation.id, { limit: 2, order: 'asc', after: two });
    expect(next.data.map((item) => item.id)).toEqual([three]);
    expect(next.has_more).toBe(false);
    expect((await openai.conversations.items.list(conversation.id)).data.map((item) => item.id)).toEqual([three, two, one]);

    expect(await openai.conversations.items.retrieve(two as string, { conversation_id: conversation.id })).toEqual(added.data[1]);
    expect(await openai.conversations.items.delete(two as string, { conversation_id: conversation.id })).toEqual(conversation);
    expect((await openai.conversations.items.list(conversation.id, { order: 'asc' })).data.map((item) => item.id)).toEqual([one, three]);
    const gone = await openai.conversations.items.retrieve(two as string, { conversation_id: conversation.id }).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(OpenAI.NotFoundError);
    expect((gone as InstanceType<typeof OpenAI.APIError>).message).toContain(`Item with id '${two}' not found.`);
  });

  it('an empty conversation lists an empty page', async () => {
    const { openai } = await startResponsesBackend();
    const conversation = await openai.conversations.create();
    const page = await openai.conversations.items.list(conversation.id);
    expect(page.data).toEqual([]);
    expect(page.has_more).toBe(false);
  });

  it('a response in a conversation appends its input and output items, and reads the conversation before it', async () => {
    const { openai, clock } = await startResponsesBackend();
    const conversation = await openai.conversations.create({ items: [{ type: 'message', role: 'user', content: 'What is a run?' }] });
    const first = await openai.responses.create({ model: 'gpt-4o', conversation: conversation.id, input: [] });
    expect(first.conversation).toEqual({ id: conversation.id });
    expect(messageText(first)).toContain('What is a run?');

    const second = await openai.responses.create({ model: 'gpt-4o', conversation: { id: conversation.id }, input: 'And a response?', background: true });
    const before = await openai.conversations.items.list(conversation.id, { order: 'asc' });
    // The input is added at once; the output once the response is done.
    expect(before.data.map((item) => item.type)).toEqual(['message', 'message', 'message']);
    clock.advance(5_000);
    expect((await openai.responses.retrieve(second.id)).status).toBe('completed');
    const after = await openai.conversations.items.list(conversation.id, { order: 'asc' });
    expect(after.data.map((item) => (item.type === 'message' ? item.role : item.type))).toEqual(['user', 'assistant', 'user', 'assistant']);
    const done = await openai.responses.retrieve(second.id);
    expect(after.data[3]).toEqual(done.output[0]);
    expect(after.data[1]).toEqual(first.output[0]);
  });

  it('rejects more than 20 items at once and metadata over the limits', async () => {
    const { openai } = await startResponsesBackend();
    const many = Array.from({ length: 21 }, () => ({ type: 'message' as const, role: 'user' as const, content: 'x' }));
    const tooMany = await openai.conversations.create({ items: many }).catch((e: unknown) => e);
    expect(tooMany).toBeInstanceOf(OpenAI.BadRequestError);
    expect((tooMany as InstanceType<typeof OpenAI.APIError>).code).toBe('array_above_max_length');
    const conversation = await openai.conversations.create();
    const keys = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v']));
    const tooManyKeys = await openai.conversations.update(conversation.id, { metadata: keys }).catch((e: unknown) => e);
    expect((tooManyKeys as InstanceType<typeof OpenAI.APIError>).code).toBe('object_above_max_properties');
  });
});
