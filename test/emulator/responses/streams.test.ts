import type OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { startResponsesBackend } from './backend';
import { expectEventConforms } from './conformance';
import { collect, driveClock, scenario, served, tick } from './helpers';

type Event = OpenAI.Responses.ResponseStreamEvent;

/** Event types with runs of the same delta folded into one `type*`. */
function shape(events: Event[]): string[] {
  const names: string[] = [];
  for (const { type } of events) {
    const folded = type.endsWith('.delta') ? `${type}*` : type;
    if (names.at(-1) !== folded || !folded.endsWith('*')) names.push(folded);
  }
  return names;
}

const messageEvents = [
  'response.output_item.added', 'response.content_part.added', 'response.output_text.delta*', 'response.output_text.done',
  'response.content_part.done', 'response.output_item.done',
];

const sequence = (events: Event[]) => events.map((event) => event.sequence_number);
const upTo = (count: number) => Array.from({ length: count }, (_, i) => i);

describe('responses: streams', () => {
  it('stream: true sends the API event order, numbered 0, 1, 2, …, as the clock reaches each event', async () => {
    const { openai, clock } = await startResponsesBackend();
    const stream = await openai.responses.create({ model: 'gpt-4o', input: 'Stream it', stream: true });
    const events = await driveClock(clock, collect(stream));
    expect(shape(events)).toEqual(['response.created', 'response.in_progress', ...messageEvents, 'response.completed']);
    expect(sequence(events)).toEqual(upTo(events.length));
    for (const event of events) expectEventConforms(event);

    const completed = events.at(-1) as OpenAI.Responses.ResponseCompletedEvent;
    const text = events.filter((e): e is OpenAI.Responses.ResponseTextDeltaEvent => e.type === 'response.output_text.delta').map((e) => e.delta).join('');
    expect(events.find((e) => e.type === 'response.output_text.done')).toMatchObject({ text });
    const fromGet = await openai.responses.retrieve(completed.response.id);
    expect(served(fromGet)).toEqual(served(completed.response));
    expect(completed.response.completed_at).toBeGreaterThanOrEqual(completed.response.created_at);
  });

  it('a background stream starts with created and queued, and waits for the clock before in_progress', async () => {
    const { openai, clock } = await startResponsesBackend();
    const stream = await openai.responses.create({ model: 'gpt-4o', input: 'Hi', background: true, stream: true });
    const iterator = stream[Symbol.asyncIterator]();
    const first = await iterator.next();
    const second = await iterator.next();
    expect([first.value?.type, second.value?.type]).toEqual(['response.created', 'response.queued']);
    const queued = (second.value as OpenAI.Responses.ResponseQueuedEvent).response;
    expect(queued.status).toBe('queued');
    // A streamed object is what GET answers at that moment.
    expect(served(await openai.responses.retrieve(queued.id))).toEqual(queued);
    const third = iterator.next();
    let arrived = false;
    void third.then(() => {
      arrived = true;
    });
    await tick(30);
    expect(arrived).toBe(false);
    clock.advance(500);
    expect((await third).value).toMatchObject({ type: 'response.in_progress', sequence_number: 2, response: { status: 'in_progress' } });
    const rest: Event[] = [];
    await driveClock(clock, (async () => {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) rest.push(next.value);
    })());
    expect(shape(rest)).toEqual([...messageEvents, 'response.completed']);
  });

  it('function calls stream their arguments in deltas that add up to the arguments', async () => {
    const { openai, clock } = await startResponsesBackend();
    const stream = await openai.responses.create({ model: 'gpt-4o', input: 'Weather?', stream: true, metadata: scenario('function_call', { 'emulator.parallel': '2' }) });
    const events = await driveClock(clock, collect(stream));
    const call = [
      'response.output_item.added', 'response.function_call_arguments.delta*', 'response.function_call_arguments.done', 'response.output_item.done',
    ];
    expect(shape(events)).toEqual(['response.created', 'response.in_progress', ...call, ...call, 'response.completed']);
    for (const done of events.filter((e): e is OpenAI.Responses.ResponseFunctionCallArgumentsDoneEvent => e.type === 'response.function_call_arguments.done')) {
      const deltas = events.filter((e): e is OpenAI.Responses.ResponseFunctionCallArgumentsDeltaEvent => e.type === 'response.function_call_arguments.delta' && e.item_id === done.item_id);
      expect(deltas.map((e) => e.delta).join('')).toBe(done.arguments);
      expect((done as { name?: string }).name).toBe('get_weather'); // in the spec, not yet in the SDK's type
    }
  });

  it('reasoning streams its summary; fail and incomplete end with response.failed and response.incomplete', async () => {
    const { openai, clock } = await startResponsesBackend();
    const run = async (name: string) => driveClock(clock, collect(await openai.responses.create({ model: 'o3', input: 'Hi', stream: true, metadata: scenario(name) })));
    expect(shape(await run('reasoning'))).toEqual([
      'response.created', 'response.in_progress', 'response.output_item.added', 'response.reasoning_summary_part.added',
      'response.reasoning_summary_text.delta*', 'response.reasoning_summary_text.done', 'response.reasoning_summary_part.done',
      'response.output_item.done', ...messageEvents, 'response.completed',
    ]);
    const cut = ['response.output_item.added', 'response.content_part.added', 'response.output_text.delta*', 'response.output_item.done'];
    const failed = await run('fail');
    expect(shape(failed)).toEqual(['response.created', 'response.in_progress', ...cut, 'response.failed']);
    expect(failed.at(-1)).toMatchObject({ response: { status: 'failed', error: { code: 'server_error' } } });
    expect(shape(await run('incomplete'))).toEqual(['response.created', 'response.in_progress', ...cut, 'response.incomplete']);
  });

  it('re-streams a background response from starting_after + 1 and goes on live: no event lost or doubled', async () => {
    const { openai, clock } = await startResponsesBackend();
    const stream = await openai.responses.create({ model: 'gpt-4o', input: 'Reconnect me', background: true, stream: true });
    const before: Event[] = [];
    clock.advance(700); // queued → in_progress → the message begins
    for await (const event of stream) {
      before.push(structuredClone(event));
      if (before.length === 5) break; // the client drops the connection
    }
    const id = (before[0] as OpenAI.Responses.ResponseCreatedEvent).response.id;
    const last = before.at(-1)?.sequence_number ?? -1;
    const resumed = await driveClock(clock, collect(await openai.responses.retrieve(id, { stream: true, starting_after: last })));
    const all = [...before, ...resumed];
    expect(sequence(all)).toEqual(upTo(all.length));
    expect(all.at(-1)?.type).toBe('response.completed');

    // Once done, a replay from the start gives the same events.
    const replay = await collect(await openai.responses.retrieve(id, { stream: true }));
    expect(replay).toEqual(all);
    const tail = await collect(await openai.responses.retrieve(id, { stream: true, starting_after: all.length - 3 }));
    expect(tail).toEqual(all.slice(-2));
  });

  it('a stream ends when its background response is cancelled (there is no response.cancelled event)', async () => {
    const { openai, clock } = await startResponsesBackend();
    const stream = await openai.responses.create({ model: 'gpt-4o', input: 'Hi', background: true, stream: true, metadata: scenario('slow') });
    const iterator = stream[Symbol.asyncIterator]();
    const created = (await iterator.next()).value as OpenAI.Responses.ResponseCreatedEvent;
    const seen: Event[] = [created];
    const reading = (async () => {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) seen.push(next.value);
    })();
    clock.advance(20_000);
    await tick(20);
    expect(seen.some((e) => e.type === 'response.output_text.delta')).toBe(true);
    const cancelled = await openai.responses.cancel(created.response.id);
    await reading;
    expect(cancelled.status).toBe('cancelled');
    expect(seen.at(-1)?.type).toBe('response.output_text.delta');
    expect(sequence(seen)).toEqual(upTo(seen.length));
    // A re-stream of a cancelled response replays what was sent and ends.
    expect(await collect(await openai.responses.retrieve(created.response.id, { stream: true }))).toEqual(seen);
  });
});
