import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { startResponsesBackend } from './backend';
import { messageText, scenario, served } from './helpers';

describe('responses: lifecycle', () => {
  it('answers a foreground response when done: completed at once, with a message, usage and completed_at', async () => {
    const { openai } = await startResponsesBackend();
    const { data: response, response: http } = await openai.responses.create({ model: 'gpt-4o', input: 'What is a run?' }).withResponse();
    expect(response).toMatchObject({ object: 'response', status: 'completed', background: false, error: null, incomplete_details: null });
    expect(response.id).toMatch(/^resp_/);
    expect(response.completed_at).toBe(response.created_at);
    expect(response.output).toHaveLength(1);
    expect(response.output[0]).toMatchObject({ type: 'message', role: 'assistant', status: 'completed' });
    expect(messageText(response)).toContain('What is a run?');
    expect(response.output_text).toBe(messageText(response));
    expect(response.usage?.total_tokens).toBe((response.usage?.input_tokens ?? 0) + (response.usage?.output_tokens ?? 0));
    expect(http.headers.get('openai-poll-after-ms')).toBeNull();
    expect(http.headers.get('x-request-id')).toMatch(/^req_/);
    expect(served(await openai.responses.retrieve(response.id))).toEqual(served(response));
  });

  it('moves a background response queued → in_progress → completed on the clock, with poll hints until terminal', async () => {
    const { openai, clock } = await startResponsesBackend();
    const { data: created, response: http } = await openai.responses.create({ model: 'gpt-4o', input: 'Hi', background: true }).withResponse();
    expect(created).toMatchObject({ status: 'queued', background: true, completed_at: null, output: [] });
    expect(created.usage).toBeUndefined();
    expect(http.headers.get('openai-poll-after-ms')).toBe('500');

    clock.advance(500);
    const running = await openai.responses.retrieve(created.id).withResponse();
    expect(running.data.status).toBe('in_progress');
    expect(Number(running.response.headers.get('openai-poll-after-ms'))).toBeGreaterThanOrEqual(100);

    clock.advance(300);
    const writing = await openai.responses.retrieve(created.id);
    expect(writing.status).toBe('in_progress');
    expect(writing.output[0]).toMatchObject({ type: 'message', status: 'in_progress' });

    clock.advance(2_000);
    const done = await openai.responses.retrieve(created.id).withResponse();
    expect(done.data).toMatchObject({ status: 'completed', completed_at: created.created_at + 1 });
    expect(done.data.output[0]).toMatchObject({ status: 'completed' });
    expect(done.response.headers.get('openai-poll-after-ms')).toBeNull();
  });

  it('sends no poll hint with pollHints: false', async () => {
    const { openai } = await startResponsesBackend({ pollHints: false });
    const { data, response } = await openai.responses.create({ model: 'gpt-4o', input: 'Hi', background: true }).withResponse();
    expect(data.status).toBe('queued');
    expect(response.headers.get('openai-poll-after-ms')).toBeNull();
  });

  it('needs no OpenAI-Beta header, while the Assistants routes still do', async () => {
    const { baseURL } = await startResponsesBackend();
    const post = (path: string) => fetch(`${baseURL}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'gpt-4o' }) });
    expect((await post('/responses')).status).toBe(200);
    const assistants = await post('/assistants');
    expect(assistants.status).toBe(400);
    expect(((await assistants.json()) as { error: { code: string } }).error.code).toBe('invalid_beta');
  });

  it('cancels a background response at once; again is idempotent; a completed or foreground one answers 400', async () => {
    const { openai, clock } = await startResponsesBackend();
    const slow = await openai.responses.create({ model: 'gpt-4o', input: 'Take your time', background: true, metadata: scenario('slow') });
    clock.advance(15_000);
    const writing = await openai.responses.retrieve(slow.id);
    expect(writing.status).toBe('in_progress');
    expect(messageText(writing).length).toBeGreaterThan(0);

    const cancelled = await openai.responses.cancel(slow.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', completed_at: null });
    expect(cancelled.output[0]).toMatchObject({ status: 'incomplete' });
    clock.advance(200_000);
    const later = await openai.responses.retrieve(slow.id);
    expect(served(later)).toEqual(served(cancelled));
    expect(served(await openai.responses.cancel(slow.id))).toEqual(served(cancelled));

    const foreground = await openai.responses.create({ model: 'gpt-4o', input: 'Hi' });
    const sync = await openai.responses.cancel(foreground.id).catch((e: unknown) => e);
    expect(sync).toBeInstanceOf(OpenAI.BadRequestError);
    expect((sync as InstanceType<typeof OpenAI.APIError>).message).toContain('Cannot cancel a synchronous response.');

    const quick = await openai.responses.create({ model: 'gpt-4o', input: 'Hi', background: true });
    clock.advance(5_000);
    const completed = await openai.responses.cancel(quick.id).catch((e: unknown) => e);
    expect(completed).toBeInstanceOf(OpenAI.BadRequestError);
    expect((completed as InstanceType<typeof OpenAI.APIError>).message).toContain("Cannot cancel a completed response.");
  });

  it('deletes a response: later reads answer 404', async () => {
    const { openai, baseURL } = await startResponsesBackend();
    const response = await openai.responses.create({ model: 'gpt-4o', input: 'Hi' });
    const deleted = await fetch(`${baseURL}/responses/${response.id}`, { method: 'DELETE' });
    expect(await deleted.json()).toEqual({ id: response.id, object: 'response', deleted: true });
    const error = await openai.responses.retrieve(response.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(await openai.responses.delete(response.id).catch((e: unknown) => e)).toBeInstanceOf(OpenAI.NotFoundError);
    const other = await openai.responses.create({ model: 'gpt-4o', input: 'Hi' });
    await openai.responses.delete(other.id);
    expect(await openai.responses.retrieve(other.id).catch((e: unknown) => e)).toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('does not keep a response created with store: false', async () => {
    const { openai } = await startResponsesBackend();
    const response = await openai.responses.create({ model: 'gpt-4o', input: 'Hi', store: false });
    expect(response).toMatchObject({ status: 'completed', store: false });
    expect(await openai.responses.retrieve(response.id).catch((e: unknown) => e)).toBeInstanceOf(OpenAI.NotFoundError);
  });
});
