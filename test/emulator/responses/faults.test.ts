import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { startResponsesBackend } from './backend';
import { collect, driveClock } from './helpers';

// The fault injector wraps every route, the Responses API's included.

describe('responses: faults', () => {
  it('a 503 on POST /responses reaches the SDK as InternalServerError; nothing was created', async () => {
    const { openai, emulator } = await startResponsesBackend({ faults: { rules: [{ kind: 'server-error', status: 503, route: 'POST /responses' }] } });
    expect(await openai.responses.create({ model: 'gpt-4o', input: 'Hi' }).catch((e: unknown) => e)).toBeInstanceOf(OpenAI.InternalServerError);
    emulator.faults.set(null);
    const response = await openai.responses.create({ model: 'gpt-4o', input: 'Hi' });
    expect(response.status).toBe('completed');
    expect(emulator.faults.log.map((entry) => entry.kind)).toEqual(['server-error']);
  });

  it('a background stream cut mid-way is picked up with starting_after: the events add up to one whole stream', async () => {
    const { openai, clock } = await startResponsesBackend({ faults: { rules: [{ kind: 'sse-cut', afterEvents: 4, route: 'POST /responses' }] } });
    const stream = await openai.responses.create({ model: 'gpt-4o', input: 'Hi', background: true, stream: true });
    const before: OpenAI.Responses.ResponseStreamEvent[] = [];
    clock.advance(700);
    const cut = await (async () => {
      for await (const event of stream) before.push(structuredClone(event));
    })().catch((e: unknown) => e);
    expect((cut as Error).message).toMatch(/terminated/);
    expect(before.map((event) => event.sequence_number)).toEqual([0, 1, 2, 3]);
    const id = (before[0] as OpenAI.Responses.ResponseCreatedEvent).response.id;
    const rest = await driveClock(clock, collect(await openai.responses.retrieve(id, { stream: true, starting_after: 3 })));
    const all = [...before, ...rest];
    expect(all.map((event) => event.sequence_number)).toEqual(all.map((_, i) => i));
    expect(all.at(-1)?.type).toBe('response.completed');
  });
});
